#include "transport/ws_frame_decoder.hpp"

#include "zmtp/big_endian.hpp"

#include <algorithm>
#include <cstring>

namespace zmx::ws {

namespace {

// A reassembly buffer larger than this is given back after its message:
// one big message must not pin its size to the connection for good.
constexpr size_t kept_capacity = 64 * 1024;

bool is_control(opcode code) { return (static_cast<uint8_t>(code) & 0x08) != 0; }

}  // namespace

frame_decoder::frame_decoder(bool masked, int64_t max_message_size)
    : masked_(masked), max_message_size_(max_message_size) {
    frame_.init();  // msg has no constructor
}

frame_decoder::~frame_decoder() { frame_.close(); }

frame_decoder::result frame_decoder::fail() {
    failed_ = true;
    return result::error;
}

frame_decoder::result frame_decoder::decode(std::span<const uint8_t> in, size_t& consumed) {
    if (failed_)
        return result::error;
    size_t taken = 0;
    while (taken < in.size()) {
        if (state_ == state::header) {
            frame_.close();  // a frame the caller did not take
            header_[header_size_++] = in[taken++];
            if (!header_complete())
                continue;
            if (!start_payload()) {
                consumed += taken;
                return fail();
            }
            if (remaining_ > 0)
                continue;  // an empty payload completes the frame at once
        }
        const result r = take_payload(in, taken);
        if (r != result::need_more) {
            consumed += taken;
            return r;
        }
    }
    consumed += taken;
    return result::need_more;
}

bool frame_decoder::header_complete() const {
    if (header_size_ < 2)
        return false;
    const uint8_t length = header_[1] & length_bits;
    const size_t extended = length == length_16 ? 2 : length == length_64 ? 8 : 0;
    return header_size_ == 2 + extended + ((header_[1] & mask_bit) ? 4 : 0);
}

bool frame_decoder::start_payload() {
    const uint8_t first = header_[0];
    const uint8_t second = header_[1];
    header_size_ = 0;
    if ((first & reserved_bits) != 0 || ((second & mask_bit) != 0) != masked_)
        return false;
    code_ = static_cast<opcode>(first & opcode_bits);
    final_ = (first & fin_bit) != 0;
    uint64_t length = second & length_bits;
    size_t at = 2;
    if (length == length_16) {
        length = zmtp::get_big_endian<uint16_t>(header_ + at);
        at += 2;
    } else if (length == length_64) {
        length = zmtp::get_big_endian<uint64_t>(header_ + at);
        at += 8;
        if (length >> 63)
            return false;  // RFC 6455: the most significant bit must be 0
    }
    std::memset(mask_, 0, sizeof mask_);
    if (masked_)
        std::memcpy(mask_, header_ + at, sizeof mask_);
    mask_phase_ = 0;
    remaining_ = length;
    state_ = state::payload;
    if (!check_opcode(code_, final_))
        return false;
    if (is_control(code_)) {
        control_.clear();
        return length <= max_short_length;
    }
    // The body is the message's payload less its flags byte.
    const uint64_t payload_so_far = (have_flags_ ? 1 : 0) + body_.size();
    const uint64_t body = payload_so_far + length - (payload_so_far + length > 0 ? 1 : 0);
    oversize_ = max_message_size_ >= 0 && body > static_cast<uint64_t>(max_message_size_);
    return !oversize_;
}

bool frame_decoder::check_opcode(opcode code, bool final) {
    switch (code) {
    case opcode::close:
    case opcode::ping:
    case opcode::pong:
        return final;  // control frames are never fragmented
    case opcode::binary:
        if (in_message_)
            return false;  // a new message inside a fragmented one
        in_message_ = true;
        have_flags_ = false;
        body_.clear();
        return true;
    case opcode::continuation:
        return in_message_;
    default:
        return false;  // text, and the reserved opcodes
    }
}

frame_decoder::result frame_decoder::take_payload(std::span<const uint8_t> in, size_t& taken) {
    const size_t chunk = static_cast<size_t>(std::min<uint64_t>(remaining_, in.size() - taken));
    const uint8_t* bytes = in.data() + taken;
    std::vector<uint8_t>& into = is_control(code_) ? control_ : body_;
    size_t i = 0;
    if (!is_control(code_) && !have_flags_ && chunk > 0) {
        zws_flags_ = bytes[0] ^ mask_[mask_phase_ % 4];
        have_flags_ = true;
        i = 1;
    }
    const size_t start = into.size();
    into.insert(into.end(), bytes + i, bytes + chunk);
    if (masked_)
        for (size_t j = start; j < into.size(); ++j, ++i)
            into[j] ^= mask_[(mask_phase_ + i) % 4];
    mask_phase_ = (mask_phase_ + chunk) % 4;
    remaining_ -= chunk;
    taken += chunk;
    return remaining_ == 0 ? finish_frame() : result::need_more;
}

frame_decoder::result frame_decoder::finish_frame() {
    state_ = state::header;
    switch (code_) {
    case opcode::ping:
        return result::ping;
    case opcode::pong:
        return result::pong;
    case opcode::close:
        return result::close;
    default:
        return final_ ? finish_message() : result::need_more;
    }
}

frame_decoder::result frame_decoder::finish_message() {
    in_message_ = false;
    if (!have_flags_)
        return fail();  // ZWS: every message starts with its flags byte
    const bool command = (zws_flags_ & zws_command) != 0;
    if (command && (zws_flags_ & zws_more))
        return fail();  // as ZMTP: a command is never part of a multipart message
    if (frame_.init_size(body_.size()) < 0)
        return fail();
    if (!body_.empty())
        std::memcpy(frame_.data(), body_.data(), body_.size());
    if (zws_flags_ & zws_more)
        frame_.set(msg::more);
    body_.clear();
    if (body_.capacity() > kept_capacity)
        body_.shrink_to_fit();
    return command ? result::command : result::message;
}

} // namespace zmx::ws
