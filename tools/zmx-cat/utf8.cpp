#include "utf8.hpp"

namespace zmx_cat {

namespace {

// The four UTF-8 sequence lengths: which lead bytes start each (lead & mask
// == marker), and the smallest code point each may encode (no overlongs).
struct sequence_kind {
    unsigned char mask;
    unsigned char marker;
    size_t length;
    uint32_t min;
};
constexpr sequence_kind sequence_kinds[] = {
    {0x80, 0x00, 1, 0}, {0xe0, 0xc0, 2, 0x80}, {0xf0, 0xe0, 3, 0x800}, {0xf8, 0xf0, 4, 0x10000}};

const sequence_kind* kind_of(unsigned char lead) {
    for (const auto& kind : sequence_kinds)
        if ((lead & kind.mask) == kind.marker)
            return &kind;
    return nullptr;
}

}  // namespace

bool is_utf8(std::string_view bytes) {
    for (size_t i = 0; i < bytes.size();) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        const sequence_kind* kind = kind_of(lead);
        if (!kind || i + kind->length > bytes.size())
            return false;
        uint32_t code_point = lead & ~kind->mask;
        for (size_t k = 1; k < kind->length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            if ((next & 0xc0) != 0x80)
                return false;
            code_point = code_point << 6 | (next & 0x3f);
        }
        if (code_point < kind->min || code_point > 0x10ffff || (code_point >= 0xd800 && code_point <= 0xdfff))
            return false;
        i += kind->length;
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
