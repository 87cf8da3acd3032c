// Reading files and streams with caps, the one way wenfeng reads anything from disk: the
// file type and size are checked on the opened descriptor before a byte is read, FIFOs,
// sockets and devices are refused (a FIFO is opened without blocking, so nothing can make
// a run wait for a writer), and no read goes past its cap.
#pragma once

#include <cstddef>
#include <string>

#include "base/result.h"

namespace wenfeng {

// Reads descriptor `fd` to its end, at most `cap` bytes (`size_hint` sizes the buffer when
// known). Errors: kTooLarge once cap + 1 bytes have been read, kUnreadable on an I/O error.
// `what` names the input in messages ("文件", "标准输入").
Result<std::string> read_capped(int fd, std::size_t cap, std::size_t size_hint, const std::string& what);

// Reads a regular file of at most `cap` bytes, read-only. Errors: kNotFound, kIsDirectory,
// kSpecialFile, kSymlinkLoop, kUnreadable, kTooLarge (from the size, before reading). An
// empty file is an empty string, not an error.
Result<std::string> read_regular_file(const std::string& path, std::size_t cap, const std::string& what = "文件");

// "512 MiB", "64 KiB", "300 字节": a cap for messages.
std::string size_text(std::size_t bytes);

}  // namespace wenfeng
