// zmx-cat's security options (--plain, --plain-server, --curve-*): what
// the command line gives, checked and turned into the socket's settings,
// its key and password files read.
#pragma once

#include "socket_security.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace zmx_cat {

struct security_choices {
    std::string plain;        // USER:PASSWORD, as a PLAIN client
    std::string plain_server; // the password file, as a PLAIN server
    std::string curve_server_key;
    std::string curve_keys;   // our key file
    bool curve_server = false;
    std::string curve_allow;  // the directory of allowed client keys
};

void add_security_options(CLI::App& app, security_choices& choices);
// Throws CLI::ValidationError for choices that do not go together or files
// that cannot be used.
zmx_tools::security_settings security_from(const security_choices& choices);

}  // namespace zmx_cat
