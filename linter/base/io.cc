#include "base/io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace wenfeng {
namespace {

Error file_type_error(mode_t mode) {
  const char* kind = S_ISFIFO(mode)   ? "命名管道（FIFO）"
                     : S_ISSOCK(mode) ? "套接字"
                     : S_ISCHR(mode)  ? "字符设备"
                     : S_ISBLK(mode)  ? "块设备"
                                      : "特殊文件";
  return make_error(ErrorCode::kSpecialFile,
                    std::string("这是") + kind +
                        "而不是普通文件，wenfeng 不读取（它可能永远读不完）；要检查管道中的内容，请用 - 从标准输入读取");
}

Error loop_error() {
  return make_error(ErrorCode::kSymlinkLoop, "符号链接形成循环（链接最终又指回自己），找不到真正的文件；请检查链接");
}

}  // namespace

std::string size_text(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " 字节";
}

Result<std::string> read_capped(int fd, std::size_t cap, std::size_t size_hint, const std::string& what) {
  // One byte more than expected, so that the end is seen in the first pass over a file of
  // known size; the buffer grows geometrically for streams, never beyond cap + 1.
  std::string bytes(std::min(std::max<std::size_t>(size_hint, 1u << 12), cap) + 1, '\0');
  std::size_t used = 0;
  while (true) {
    if (used == bytes.size()) {
      if (bytes.size() > cap) break;  // cap + 1 bytes read: over the cap
      bytes.resize(std::min(bytes.size() * 2, cap + 1));
    }
    const ssize_t got = ::read(fd, bytes.data() + used, bytes.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      return make_error(ErrorCode::kUnreadable, "读取" + what + "时发生 I/O 错误：" + std::strerror(errno));
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  if (used > cap) return make_error(ErrorCode::kTooLarge, what + "超过 " + size_text(cap) + " 的上限，拒绝读取");
  bytes.resize(used);
  return bytes;
}

Result<std::string> read_regular_file(const std::string& path, std::size_t cap, const std::string& what) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ELOOP) return loop_error();
    if (err == ENOENT || err == ENOTDIR) return make_error(ErrorCode::kNotFound, what + "不存在，请检查路径");
    return make_error(ErrorCode::kUnreadable, "无法访问" + what + "：" + std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) return make_error(ErrorCode::kIsDirectory, "这是一个目录而不是文件；请给出目录中的文件");
  if (!S_ISREG(st.st_mode)) return file_type_error(st.st_mode);
  // Read-only (inputs are never modified); O_NONBLOCK so that a FIFO put in its place after
  // the stat cannot block the open; the type is checked again on the descriptor.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP) return loop_error();
    return make_error(ErrorCode::kUnreadable, "无法打开" + what + "：" + std::strerror(errno));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::fstat(fd, &st) != 0)
    return make_error(ErrorCode::kUnreadable, "无法访问" + what + "：" + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return make_error(ErrorCode::kIsDirectory, "这是一个目录而不是文件；请给出目录中的文件");
  if (!S_ISREG(st.st_mode)) return file_type_error(st.st_mode);
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > cap)
    return make_error(ErrorCode::kTooLarge, what + "有 " + std::to_string(size) + " 字节，超过 " + size_text(cap) +
                                                " 的上限，拒绝读取");
  if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  // The size may change while reading (or be 0, as for /proc files): the cap holds anyway.
  return read_capped(fd, cap, size, what);
}

}  // namespace wenfeng
