// Result<T> and Error: the error channel at I/O and configuration boundaries.
//
// Problems *in* a document are diagnostics, not errors. An Error is something that stops
// a file from being processed at all (unreadable, not a DOCX, bad encoding, broken
// profile). Errors never cross a module boundary as exceptions: every reader and loader
// returns Result<T>.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace wenfeng {

// Stable machine-readable error codes, used as "error.code" in JSON output.
enum class ErrorCode {
  kUsage,            // bad command line
  kNotFound,         // missing file
  kUnreadable,       // permission, I/O error
  kIsDirectory,
  kSpecialFile,      // a FIFO, socket or device: never read (it may never end)
  kSymlinkLoop,      // symbolic links that lead back to themselves
  kEmpty,            // zero-byte input
  kTooLarge,         // over an input or decompression cap
  kEncoding,         // bytes in no detectable or declared encoding
  kBinary,           // looks like a binary file, not text
  kNotZip,           // expected a zip container
  kCorruptZip,       // truncated or damaged container
  kZipBomb,          // decompression caps exceeded
  kMissingPart,      // container lacks a required part (word/document.xml)
  kLegacyFormat,     // OLE compound file: .doc/.wps
  kEncrypted,        // password-protected OOXML (OLE with EncryptedPackage)
  kMalformedXml,
  kUnsupported,      // a format wenfeng cannot read (yet)
  kConfig,           // broken profile / dictionary / .wenfeng.yaml
  kInternal,
};

const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // Chinese, user-facing, names the problem and what to do
  std::string where;    // optional "part:line:col" or "file:line:col"
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}      // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }

  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

inline Error make_error(ErrorCode code, std::string message, std::string where = {}) {
  return Error{code, std::move(message), std::move(where)};
}

}  // namespace wenfeng
