#include "file_text.hpp"

#include <fstream>
#include <sstream>

namespace zmx_tools {

std::optional<std::string> read_file_text(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return std::nullopt;
    std::ostringstream text;
    text << file.rdbuf();
    if (file.bad())
        return std::nullopt;
    return text.str();
}

}  // namespace zmx_tools
