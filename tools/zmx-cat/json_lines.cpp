#include "json_lines.hpp"

#include "frame_codecs.hpp"
#include "json_text.hpp"
#include "utf8.hpp"

namespace zmx_cat {

namespace {

// A reader for the one shape the format allows, over a single line.
class json_reader {
public:
    explicit json_reader(std::string_view text) : text_(text) {}

    zmx_tools::frames message() {
        zmx_tools::frames frames;
        expect('[');
        if (take(']'))
            fail("a message has at least one frame");
        do
            frames.push_back(frame());
        while (take(','));
        expect(']');
        skip_space();
        if (at_ < text_.size())
            fail("text after the closing ]");
        return frames;
    }

private:
    std::string frame() {
        if (!take('{'))
            return string();
        if (string() != "hex")
            fail("a frame object has one key, \"hex\"");
        expect(':');
        std::string bytes = hex_decode(string());
        expect('}');
        return bytes;
    }

    std::string string() {
        expect('"');
        std::string out;
        while (true) {
            const char c = next();
            if (c == '"')
                return out;
            if (static_cast<unsigned char>(c) < 0x20)
                fail("a control character inside a string");
            if (c != '\\')
                out += c;
            else
                escape(out);
        }
    }

    void escape(std::string& out) {
        const char c = next();
        switch (c) {
        case '"': case '\\': case '/': out += c; return;
        case 'b': out += '\b'; return;
        case 'f': out += '\f'; return;
        case 'n': out += '\n'; return;
        case 'r': out += '\r'; return;
        case 't': out += '\t'; return;
        case 'u': out_code_point(out); return;
        default: fail(std::string("unknown escape \\") + c);
        }
    }

    // \uXXXX, with a UTF-16 surrogate pair taking two of them.
    void out_code_point(std::string& out) {
        uint32_t code_point = hex4();
        if (code_point >= 0xdc00 && code_point <= 0xdfff)
            fail("a low surrogate without a high one");
        if (code_point >= 0xd800 && code_point <= 0xdbff) {
            if (next() != '\\' || next() != 'u')
                fail("a high surrogate without a low one");
            const uint32_t low = hex4();
            if (low < 0xdc00 || low > 0xdfff)
                fail("a high surrogate without a low one");
            code_point = 0x10000 + ((code_point - 0xd800) << 10) + (low - 0xdc00);
        }
        append_utf8(out, code_point);
    }

    uint32_t hex4() {
        if (text_.size() - at_ < 4)
            fail("a \\u escape needs four hex digits");
        const std::string bytes = hex_decode(text_.substr(at_, 4));
        at_ += 4;
        return static_cast<unsigned char>(bytes[0]) << 8 | static_cast<unsigned char>(bytes[1]);
    }

    char next() {
        if (at_ >= text_.size())
            fail("the line ends too early");
        return text_[at_++];
    }

    void skip_space() {
        while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\r'))
            ++at_;
    }

    bool take(char wanted) {
        skip_space();
        if (at_ < text_.size() && text_[at_] == wanted) {
            ++at_;
            return true;
        }
        return false;
    }

    void expect(char wanted) {
        if (!take(wanted))
            fail(std::string("expected '") + wanted + "'");
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw format_error("not a json message (" + what + " at column " + std::to_string(at_ + 1) +
                           "): " + std::string(text_));
    }

    std::string_view text_;
    size_t at_ = 0;
};

}  // namespace

std::string json_render(const zmx_tools::frames& message) {
    std::string line = "[";
    for (size_t i = 0; i < message.size(); ++i) {
        if (i > 0)
            line += ',';
        if (is_utf8(message[i])) {
            zmx_tools::append_json_string(line, message[i]);
        } else {
            line += "{\"hex\":\"" + hex_encode(message[i]) + "\"}";
        }
    }
    return line + "]";
}

zmx_tools::frames json_parse(std::string_view line) { return json_reader(line).message(); }

}  // namespace zmx_cat
