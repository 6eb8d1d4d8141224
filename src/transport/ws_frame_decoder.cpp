#include "transport/ws_frame_decoder.hpp"

#include "transport/ws_mask.hpp"
#include "zmtp/big_endian.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace zmx::ws {

namespace {

// The first capacity of a growing body: fragments are usually small, and
// doubling from here costs few reallocations for large ones.
constexpr size_t first_growing_capacity = 4096;

bool is_control(opcode code) { return (static_cast<uint8_t>(code) & 0x08) != 0; }

void free_grown_body(void* data, void*) { std::free(data); }

}  // namespace

frame_decoder::frame_decoder(bool masked, int64_t max_message_size)
    : masked_(masked), max_message_size_(max_message_size) {
    frame_.init();  // msg has no constructor
}

frame_decoder::~frame_decoder() {
    release_growing();
    frame_.close();
}

void frame_decoder::release_growing() {
    std::free(growing_);
    growing_ = nullptr;
    growing_capacity_ = 0;
}

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
            // Whole header fields at once where the input has them.
            const size_t chunk = std::min(header_wanted() - header_size_, in.size() - taken);
            std::memcpy(header_ + header_size_, in.data() + taken, chunk);
            header_size_ += chunk;
            taken += chunk;
            if (header_size_ < header_wanted())
                continue;  // more input, or the first two bytes said more header follows
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

size_t frame_decoder::header_wanted() const {
    if (header_size_ < 2)
        return 2;
    const uint8_t length = header_[1] & length_bits;
    const size_t extended = length == length_16 ? 2 : length == length_64 ? 8 : 0;
    return 2 + extended + ((header_[1] & mask_bit) ? 4 : 0);
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
    mask_ = {};
    if (masked_)
        std::memcpy(mask_.data(), header_ + at, mask_.size());
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
    const uint64_t payload_so_far = (have_flags_ ? 1 : 0) + body_size_;
    const uint64_t body = payload_so_far + length - (payload_so_far + length > 0 ? 1 : 0);
    oversize_ = max_message_size_ >= 0 && body > static_cast<uint64_t>(max_message_size_);
    return !oversize_ && start_body(body);
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
        body_size_ = 0;
        eager_ = false;
        return true;
    case opcode::continuation:
        return in_message_;
    default:
        return false;  // text, and the reserved opcodes
    }
}

// body_total: the body's size if this frame ends the message, a bound
// on what this frame can add to it otherwise.
bool frame_decoder::start_body(uint64_t body_total) {
    body_bound_ = final_ ? body_total : UINT64_MAX;
    const bool whole = code_ == opcode::binary && final_;
    if (!whole || body_total > eager_allocation_limit)
        return true;
    // One frame, one message: its size is exact and allowed, so the body
    // is allocated once and the payload unmasked straight into it.
    if (frame_.init_size(static_cast<size_t>(body_total)) < 0)
        return false;
    eager_ = true;
    return true;
}

bool frame_decoder::body_room(size_t n) {
    if (eager_ || body_size_ + n <= growing_capacity_)
        return true;
    // Doubling, never below what arrived, never beyond what the message can hold.
    uint64_t capacity = std::max<uint64_t>({growing_capacity_ * uint64_t{2}, first_growing_capacity, body_size_ + n});
    capacity = std::min(capacity, body_bound_);
    if (capacity > SIZE_MAX)
        return false;
    auto* bigger = static_cast<uint8_t*>(std::realloc(growing_, static_cast<size_t>(capacity)));
    if (!bigger)
        return false;
    growing_ = bigger;
    growing_capacity_ = static_cast<size_t>(capacity);
    return true;
}

void frame_decoder::unmask(uint8_t* dst, const uint8_t* src, size_t n) {
    if (masked_)
        mask_phase_ = mask_copy(dst, src, n, mask_, mask_phase_);
    else if (n > 0)
        std::memcpy(dst, src, n);
}

size_t frame_decoder::take_control(const uint8_t* bytes, size_t n) {
    const size_t at = control_.size();
    control_.resize(at + n);  // at most 125 bytes
    unmask(control_.data() + at, bytes, n);
    return n;
}

// Returns the bytes taken: all n, or 0 when out of memory.
size_t frame_decoder::take_data(const uint8_t* bytes, size_t n) {
    size_t flags = 0;
    if (!have_flags_ && n > 0) {
        unmask(&zws_flags_, bytes, 1);
        have_flags_ = true;
        flags = 1;
    }
    const size_t body = n - flags;
    if (!body_room(body))
        return 0;
    unmask(body_end(), bytes + flags, body);
    body_size_ += body;
    return n;
}

frame_decoder::result frame_decoder::take_payload(std::span<const uint8_t> in, size_t& taken) {
    const size_t chunk = static_cast<size_t>(std::min<uint64_t>(remaining_, in.size() - taken));
    const uint8_t* bytes = in.data() + taken;
    if (is_control(code_))
        take_control(bytes, chunk);
    else if (take_data(bytes, chunk) != chunk)
        return fail();
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

// The grown buffer becomes frame_'s body without a copy; a small body is
// copied inline instead, as a msg keeps it.
bool frame_decoder::adopt_growing() {
    if (body_size_ <= msg::small_capacity) {
        const int rc = frame_.init_copy_of(growing_, body_size_);
        release_growing();
        return rc == 0;
    }
    if (frame_.init_data(growing_, body_size_, free_grown_body, nullptr) < 0)
        return false;
    growing_ = nullptr;
    growing_capacity_ = 0;
    return true;
}

frame_decoder::result frame_decoder::finish_message() {
    in_message_ = false;
    if (!have_flags_)
        return fail();  // ZWS: every message starts with its flags byte
    const bool command = (zws_flags_ & zws_command) != 0;
    if (command && (zws_flags_ & zws_more))
        return fail();  // as ZMTP: a command is never part of a multipart message
    if (!eager_ && !adopt_growing())
        return fail();
    eager_ = false;
    if (zws_flags_ & zws_more)
        frame_.set(msg::more);
    return command ? result::command : result::message;
}

} // namespace zmx::ws
