#include "key_file.hpp"

#include <zmq.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace zmx_tools {

namespace {

bool is_z85_key(const std::string& text) {
    uint8_t binary[32];
    return text.size() == 40 && zmq_z85_decode(binary, text.c_str()) != nullptr;
}

// The value of `name = "value"` on a line of the file, if that is the line.
bool value_of(const std::string& line, const std::string& name, std::string& value) {
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line.compare(start, name.size(), name) != 0)
        return false;
    const size_t open = line.find('"', start + name.size());
    const size_t close = open == std::string::npos ? open : line.find('"', open + 1);
    if (close == std::string::npos)
        return false;
    value = line.substr(open + 1, close - open - 1);
    return true;
}

}  // namespace

curve_key_pair new_key_pair() {
    char public_key[41], secret_key[41];
    if (zmq_curve_keypair(public_key, secret_key) != 0)
        throw key_file_error(std::string("zmq_curve_keypair: ") + zmq_strerror(zmq_errno()));
    return {public_key, secret_key};
}

curve_key_pair read_key_file(const std::string& path, bool need_secret) {
    std::ifstream file(path);
    if (!file)
        throw key_file_error(path + ": cannot be read");
    curve_key_pair keys;
    for (std::string line; std::getline(file, line);) {
        value_of(line, "public-key", keys.public_key);
        value_of(line, "secret-key", keys.secret_key);
    }
    if (!is_z85_key(keys.public_key))
        throw key_file_error(path + ": no public-key of 40 Z85 characters");
    if (need_secret && !is_z85_key(keys.secret_key))
        throw key_file_error(path + ": no secret-key of 40 Z85 characters");
    return keys;
}

std::set<std::string> read_public_keys(const std::string& directory) {
    std::error_code error;
    std::filesystem::directory_iterator files(directory, error);
    if (error)
        throw key_file_error(directory + ": " + error.message());
    std::set<std::string> keys;
    for (const auto& entry : files)
        if (entry.path().extension() == ".key")
            keys.insert(read_key_file(entry.path().string(), false).public_key);
    return keys;
}

std::string key_file_text(const curve_key_pair& keys, bool with_secret) {
    std::ostringstream text;
    text << "#   ZeroMQ CURVE " << (with_secret ? "**Secret**" : "Public") << " Certificate\n"
         << (with_secret ? "#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.\n"
                         : "#   Exchange securely, or use a secure mechanism to verify the contents\n"
                           "#   of this file after exchange.\n")
         << "\nmetadata\ncurve\n    public-key = \"" << keys.public_key << "\"\n";
    if (with_secret)
        text << "    secret-key = \"" << keys.secret_key << "\"\n";
    return text.str();
}

}  // namespace zmx_tools
