// The page `wenfeng serve` shows (web/index.html, app.css, app.js), embedded in the binary
// at build time by cmake/embed_web.cmake: the service opens no file to serve it and needs
// nothing from the network.
#pragma once

#include <string_view>
#include <vector>

namespace wenfeng::serve {

struct EmbeddedFile {
  std::string_view path;  // "/index.html"
  std::string_view data;
};

// Every file of web/ (generated source).
const std::vector<EmbeddedFile>& embedded_files();

struct Asset {
  std::string_view data;
  std::string_view content_type;
};

// The file for a request path ("/" is index.html), or null.
const Asset* find_asset(std::string_view path);

}  // namespace wenfeng::serve
