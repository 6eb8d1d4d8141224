#include "password_file.hpp"

#include <fstream>

namespace zmx_tools {

std::map<std::string, std::string> read_password_file(const std::string& path) {
    std::ifstream file(path);
    if (!file)
        throw password_file_error(path + ": cannot be read");
    std::map<std::string, std::string> passwords;
    int number = 0;
    for (std::string line; std::getline(file, line);) {
        ++number;
        if (line.empty() || line[0] == '#')
            continue;
        const size_t colon = line.find(':');
        if (colon == std::string::npos || colon == 0)
            throw password_file_error(path + ":" + std::to_string(number) + ": not user:password");
        passwords[line.substr(0, colon)] = line.substr(colon + 1);
    }
    return passwords;
}

}  // namespace zmx_tools
