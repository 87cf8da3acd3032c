#include "base/result.h"

namespace wenfeng {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage: return "usage";
    case ErrorCode::kNotFound: return "not-found";
    case ErrorCode::kUnreadable: return "unreadable";
    case ErrorCode::kIsDirectory: return "is-directory";
    case ErrorCode::kSpecialFile: return "special-file";
    case ErrorCode::kSymlinkLoop: return "symlink-loop";
    case ErrorCode::kEmpty: return "empty";
    case ErrorCode::kTooLarge: return "too-large";
    case ErrorCode::kEncoding: return "encoding";
    case ErrorCode::kBinary: return "binary";
    case ErrorCode::kNotZip: return "not-zip";
    case ErrorCode::kCorruptZip: return "corrupt-zip";
    case ErrorCode::kZipBomb: return "zip-bomb";
    case ErrorCode::kMissingPart: return "missing-part";
    case ErrorCode::kLegacyFormat: return "legacy-format";
    case ErrorCode::kEncrypted: return "encrypted";
    case ErrorCode::kMalformedXml: return "malformed-xml";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kConfig: return "config";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace wenfeng
