// CURVE key files in the ZPL layout czmq and pyzmq's zmq.auth write
// ("certificates"): a "curve" section whose "public-key" and, in a secret
// file, "secret-key" hold 40-character Z85 keys. A directory of public
// key files (NAME.key) is the list of clients a server lets in, as
// pyzmq's authenticator reads it.
#pragma once

#include <set>
#include <stdexcept>
#include <string>

namespace zmx_tools {

struct curve_key_pair {
    std::string public_key;  // Z85, 40 characters
    std::string secret_key;  // Z85, or empty in a public key file
};

// A key file that cannot be used: "PATH: what is wrong".
class key_file_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A new pair from zmq_curve_keypair.
curve_key_pair new_key_pair();
// The file's keys; throws key_file_error without a valid public key, or
// without a valid secret key when `need_secret`.
curve_key_pair read_key_file(const std::string& path, bool need_secret);
// The public keys (Z85) of every *.key file in the directory.
std::set<std::string> read_public_keys(const std::string& directory);
// The file's text, with the secret key when `with_secret`.
std::string key_file_text(const curve_key_pair& keys, bool with_secret);

}  // namespace zmx_tools
