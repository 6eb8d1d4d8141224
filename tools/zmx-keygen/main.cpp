// zmx-keygen: makes a CURVE key pair, printed or written as the key files
// (certificates) zmx-cat, zmx-broker, czmq and pyzmq's zmq.auth read.
#include "command_line.hpp"
#include "key_file.hpp"

#include <sys/stat.h>

#include <fstream>
#include <iostream>

namespace {

enum exit_code : int { done = 0, usage_error = zmx_tools::usage_exit_code, cannot_write = 3 };

// Writes text to a new file readable by its owner alone when `secret`.
bool write_file(const std::string& path, const std::string& text, bool secret) {
    const mode_t previous = umask(secret ? 077 : 022);
    std::ofstream file(path, std::ios::trunc);
    file << text;
    file.close();
    umask(previous);
    if (!file)
        std::cerr << "zmx-keygen: cannot write " << path << '\n';
    return static_cast<bool>(file);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Makes a CURVE key pair (Z85). Without NAME it prints the pair as a secret key file;\n"
                 "with NAME it writes NAME.key (the public key, for the peers that must know it) and\n"
                 "NAME.key_secret (both keys, for the owner alone).",
                 "zmx-keygen"};
    app.footer("Exit status: 0 done, 2 usage, 3 a file could not be written.");
    std::string name;
    app.add_option("NAME", name, "write NAME.key and NAME.key_secret instead of printing");
    if (const auto stop = zmx_tools::parse_command_line(app, argc, argv))
        return *stop;
    const zmx_tools::curve_key_pair keys = zmx_tools::new_key_pair();
    if (name.empty()) {
        std::cout << zmx_tools::key_file_text(keys, true);
        return done;
    }
    const bool written = write_file(name + ".key", zmx_tools::key_file_text(keys, false), false) &&
                         write_file(name + ".key_secret", zmx_tools::key_file_text(keys, true), true);
    return written ? done : cannot_write;
}
