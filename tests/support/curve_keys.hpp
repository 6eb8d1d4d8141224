// A CURVE key pair for tests, from zmq_curve_keypair: in Z85 (40
// characters, as options and tools take them) and in binary (32 bytes, as
// options also take them and ZAP handlers see them).
#pragma once

#include "zmq_test.hpp"

#include <cstdint>
#include <string>

namespace tt {

struct curve_keys {
    curve_keys() {
        char z85_public[41], z85_secret[41];
        EXPECT_EQ(zmq_curve_keypair(z85_public, z85_secret), 0) << zmq_strerror(zmq_errno());
        public_z85 = z85_public;
        secret_z85 = z85_secret;
        public_key = binary(z85_public);
        secret_key = binary(z85_secret);
    }

    static std::string binary(const char* z85) {
        uint8_t key[32];
        EXPECT_NE(zmq_z85_decode(key, z85), nullptr);
        return {reinterpret_cast<const char*>(key), sizeof key};
    }

    std::string public_z85, secret_z85;
    std::string public_key, secret_key;
};

} // namespace tt
