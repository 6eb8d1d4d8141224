// A whole file read into a string: how the tools take the PEM files of a
// wss:// endpoint's TLS (zmx-cat's --wss-* flags, zmx-broker's wss_*_file
// options).
#pragma once

#include <optional>
#include <string>

namespace zmx_tools {

// The file's bytes, or nullopt when it cannot be read.
std::optional<std::string> read_file_text(const std::string& path);

}  // namespace zmx_tools
