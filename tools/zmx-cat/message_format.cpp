#include "message_format.hpp"

#include "frame_codecs.hpp"
#include "json_lines.hpp"

namespace zmx_cat {

namespace {

std::string encode_frame(format f, std::string_view bytes) {
    switch (f) {
    case format::hex: return hex_encode(bytes);
    case format::z85: return z85_encode(bytes);
    default: return std::string(bytes);
    }
}

std::string decode_frame(format f, std::string_view text) {
    switch (f) {
    case format::hex: return hex_decode(text);
    case format::z85: return z85_decode(text);
    default: return std::string(text);
    }
}

}  // namespace

std::string message_format::render(const zmx_tools::frames& message) const {
    if (format == format::json)
        return json_render(message);
    std::string line;
    for (size_t i = 0; i < message.size(); ++i) {
        if (i > 0)
            line += delimiter;
        line += encode_frame(format, message[i]);
    }
    return line;
}

zmx_tools::frames message_format::parse(std::string_view line) const {
    if (format == format::json)
        return json_parse(line);
    zmx_tools::frames message;
    for (size_t start = 0;;) {
        const size_t end = line.find(delimiter, start);
        message.push_back(decode_frame(format, line.substr(start, end - start)));
        if (end == std::string_view::npos)
            return message;
        start = end + delimiter.size();
    }
}

}  // namespace zmx_cat
