#include "frame_codecs.hpp"

#include <zmq.h>

#include <cstdint>
#include <vector>

namespace zmx_cat {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string hex_encode(std::string_view bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        hex += digits[byte >> 4];
        hex += digits[byte & 0xf];
    }
    return hex;
}

std::string hex_decode(std::string_view hex) {
    if (hex.size() % 2 != 0)
        throw format_error("hex needs two digits per byte: '" + std::string(hex) + "'");
    std::string bytes;
    bytes.reserve(hex.size() / 2);
    for (size_t i = 0; i < hex.size(); i += 2) {
        const int high = hex_digit(hex[i]);
        const int low = hex_digit(hex[i + 1]);
        if (high < 0 || low < 0)
            throw format_error("not hex: '" + std::string(hex) + "'");
        bytes += static_cast<char>(high << 4 | low);
    }
    return bytes;
}

std::string z85_encode(std::string_view bytes) {
    if (bytes.size() % 4 != 0)
        throw format_error("a " + std::to_string(bytes.size()) +
                           "-byte frame cannot be written in z85 (the size must be a multiple of 4)");
    std::vector<char> text(bytes.size() / 4 * 5 + 1);
    zmq_z85_encode(text.data(), reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    return std::string(text.data(), text.size() - 1);
}

std::string z85_decode(std::string_view text) {
    const std::string terminated(text);
    std::string bytes(text.size() / 5 * 4, '\0');
    if (text.size() % 5 != 0 || !zmq_z85_decode(reinterpret_cast<uint8_t*>(bytes.data()), terminated.c_str()))
        throw format_error("not z85: '" + terminated + "'");
    return bytes;
}

}  // namespace zmx_cat
