#include "fix/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace wenfeng::fix {
namespace fs = std::filesystem;

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

Result<std::string> output_path(const std::string& input, const std::optional<std::string>& output, bool in_place) {
  if (in_place) {
    if (input == "-") return make_error(ErrorCode::kUsage, "--in-place 不能用于标准输入");
    if (output && !same_file(*output, input))
      return make_error(ErrorCode::kUsage, "--in-place 与 -o 指向不同的文件；二者只用其一");
    return input;
  }
  if (output) {
    if (*output != "-" && input != "-" && same_file(*output, input))
      return make_error(ErrorCode::kUsage, "输出文件就是输入文件 " + input + "；原稿不会被覆盖，如确要改写原稿请加 --in-place");
    return *output;
  }
  if (input == "-") return make_error(ErrorCode::kUsage, "标准输入的结果请用 -o 指定输出文件（-o - 写到标准输出）");
  const fs::path p(input);
  fs::path out = p.parent_path() / (p.stem().string() + ".wenfeng" + p.extension().string());
  return out.string();
}

Status write_atomically(const std::string& path, std::string_view bytes, const std::string& mode_from) {
  const fs::path target(path);
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string name = ".";
  name.append(target.filename().string()).append(".wenfeng-XXXXXX");
  std::string tmpl = (dir / name).string();
  const int fd = ::mkstemp(tmpl.data());
  auto fail = [&](const std::string& what) {
    const std::string reason = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    ::unlink(tmpl.c_str());
    return make_error(ErrorCode::kUnreadable, "无法写入 " + path + "：" + what + "（" + reason + "）");
  };
  if (fd < 0) return make_error(ErrorCode::kUnreadable, "无法在 " + dir.string() + " 中创建临时文件（" + std::strerror(errno) + "）");
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("写入失败");
    }
    done += static_cast<std::size_t>(n);
  }
  struct stat st{};
  mode_t mode = 0644;
  if (!mode_from.empty() && ::stat(mode_from.c_str(), &st) == 0) mode = st.st_mode & 07777;
  else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) return fail("写入失败");
  if (::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    return make_error(ErrorCode::kUnreadable, "无法写入 " + path);
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(tmpl.c_str());
    return make_error(ErrorCode::kUnreadable, "无法写入 " + path + "（" + reason + "）");
  }
  return ok_status();
}

}  // namespace wenfeng::fix
