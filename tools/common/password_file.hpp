// A PLAIN server's passwords: one "user:password" a line (the password is
// everything after the first colon); blank lines and lines starting with
// '#' are skipped.
#pragma once

#include <map>
#include <stdexcept>
#include <string>

namespace zmx_tools {

class password_file_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// User name to password; throws password_file_error ("PATH:LINE: what").
std::map<std::string, std::string> read_password_file(const std::string& path);

}  // namespace zmx_tools
