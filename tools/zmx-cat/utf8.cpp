#include "utf8.hpp"

namespace zmx_cat {

namespace {

// Length of the sequence a lead byte starts, or 0 for a byte that cannot
// start one; `min` is the smallest code point that length may encode.
size_t sequence_length(unsigned char lead, uint32_t& code_point, uint32_t& min) {
    if (lead < 0x80) {
        code_point = lead;
        min = 0;
        return 1;
    }
    if ((lead & 0xe0) == 0xc0) {
        code_point = lead & 0x1f;
        min = 0x80;
        return 2;
    }
    if ((lead & 0xf0) == 0xe0) {
        code_point = lead & 0x0f;
        min = 0x800;
        return 3;
    }
    if ((lead & 0xf8) == 0xf0) {
        code_point = lead & 0x07;
        min = 0x10000;
        return 4;
    }
    return 0;
}

}  // namespace

bool is_utf8(std::string_view bytes) {
    for (size_t i = 0; i < bytes.size();) {
        uint32_t code_point, min;
        const size_t length = sequence_length(static_cast<unsigned char>(bytes[i]), code_point, min);
        if (length == 0 || i + length > bytes.size())
            return false;
        for (size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            if ((next & 0xc0) != 0x80)
                return false;
            code_point = code_point << 6 | (next & 0x3f);
        }
        if (code_point < min || code_point > 0x10ffff || (code_point >= 0xd800 && code_point <= 0xdfff))
            return false;
        i += length;
    }
    return true;
}

void append_utf8(std::string& out, uint32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xc0 | code_point >> 6);
        out += static_cast<char>(0x80 | (code_point & 0x3f));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xe0 | code_point >> 12);
        out += static_cast<char>(0x80 | (code_point >> 6 & 0x3f));
        out += static_cast<char>(0x80 | (code_point & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | code_point >> 18);
        out += static_cast<char>(0x80 | (code_point >> 12 & 0x3f));
        out += static_cast<char>(0x80 | (code_point >> 6 & 0x3f));
        out += static_cast<char>(0x80 | (code_point & 0x3f));
    }
}

}  // namespace zmx_cat
