#include "zmtp/decoder.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "zmtp/big_endian.hpp"
#include "zmtp/encoder.hpp"

namespace zmx::zmtp {

namespace {
void free_grown_body(void* data, void*) { std::free(data); }
constexpr uint8_t zmtp1_long_length = 0xFF;
constexpr uint64_t top_bit = uint64_t{1} << 63;  // RFC 37: sizes are at most 2^63-1
} // namespace

decoder::~decoder() {
    std::free(growing_);
    frame_.close();
}

decoder::result decoder::fail(error_kind kind) {
    error_ = kind;
    return result::error;
}

decoder::result decoder::decode(std::span<const uint8_t> in, size_t& consumed) {
    if (error_ != error_kind::none)
        return result::error;
    size_t taken = 0;
    auto finish = [&](result r) {
        consumed += taken;
        return r;
    };
    if (body_complete())  // by body_room and body_arrived
        return finish_frame();
    while (taken < in.size()) {
        switch (state_) {
        case state::flags: {
            frame_.close();  // a frame the caller did not take
            flags_ = in[taken++];
            if (framing_ == framing::zmtp3 && (flags_ & reserved_flags))
                return finish(fail(error_kind::reserved_flags));
            if (framing_ == framing::zmtp3 && (flags_ & command_flag) && (flags_ & more_flag))
                return finish(fail(error_kind::more_on_command));
            size_length_ = (flags_ & long_flag) ? 8 : 1;
            size_received_ = 0;
            state_ = state::size;
            break;
        }
        case state::size: {
            const size_t chunk = std::min(size_length_ - size_received_, in.size() - taken);
            std::memcpy(size_bytes_ + size_received_, in.data() + taken, chunk);
            size_received_ += chunk;
            taken += chunk;
            if (size_received_ < size_length_)
                break;
            const uint64_t size = size_length_ == 1 ? size_bytes_[0]
                                                    : get_big_endian<uint64_t>(size_bytes_);
            const result r = framing_ == framing::zmtp1 ? take_zmtp1_length(size) : start_body(size);
            if (r != result::need_more)
                return finish(r);
            break;
        }
        case state::zmtp1_length: {
            frame_.close();  // a frame the caller did not take
            const uint8_t length = in[taken++];
            if (length == zmtp1_long_length) {
                size_length_ = 8;
                size_received_ = 0;
                state_ = state::size;
                break;
            }
            const result r = take_zmtp1_length(length);
            if (r != result::need_more)
                return finish(r);
            break;
        }
        case state::zmtp1_flags: {
            flags_ = in[taken++] & more_flag;  // 1.0 defines no other bit; libzmq ignores them
            const result r = start_body(body_size_);
            if (r != result::need_more)
                return finish(r);
            break;
        }
        case state::body: {
            const size_t chunk = std::min(body_size_ - body_received_, in.size() - taken);
            if (!body_ && !grow_buffer(body_received_ + chunk))
                return finish(fail(error_kind::out_of_memory));
            uint8_t* target = body_ ? body_ : growing_;
            std::memcpy(target + body_received_, in.data() + taken, chunk);
            body_received_ += chunk;
            taken += chunk;
            if (body_received_ == body_size_)
                return finish(finish_frame());
            break;
        }
        }
    }
    return finish(result::need_more);
}

bool decoder::size_allowed(uint64_t size) const {
    if ((size & top_bit) || size > SIZE_MAX)
        return false;
    return max_message_size_ < 0 || size <= static_cast<uint64_t>(max_message_size_);
}

// A 1.0 length counts the flags byte that comes next; the limits apply to
// the body, as libzmq applies them, and a length is held to 3.x's top bit.
decoder::result decoder::take_zmtp1_length(uint64_t length) {
    if (length == 0)
        return fail(error_kind::zero_length);
    if ((length & top_bit) || !size_allowed(length - 1))
        return fail(error_kind::too_large);
    body_size_ = static_cast<size_t>(length - 1);
    state_ = state::zmtp1_flags;
    return result::need_more;
}

// Checks the declared size before any allocation, then prepares the body.
decoder::result decoder::start_body(uint64_t size) {
    if (!size_allowed(size))
        return fail(error_kind::too_large);
    body_size_ = static_cast<size_t>(size);
    body_received_ = 0;
    if (body_size_ <= eager_allocation_limit) {
        if (frame_.init_size(body_size_) < 0)
            return fail(error_kind::out_of_memory);
        body_ = static_cast<uint8_t*>(frame_.data());
    }
    if (body_size_ == 0)
        return finish_frame();
    state_ = state::body;
    return result::need_more;
}

std::span<uint8_t> decoder::body_room(size_t at_least, size_t at_most) {
    if (state_ != state::body || error_ != error_kind::none)
        return {};
    const size_t missing = body_size_ - body_received_;
    if (missing <= at_least)
        return {};
    const size_t room = std::min(missing, at_most);
    if (!body_ && !grow_buffer(body_received_ + room))
        return {};
    return {(body_ ? body_ : growing_) + body_received_, room};
}

// Makes room for `needed` body bytes, doubling so large bodies cost few
// reallocations but never reserving more than the declared size.
bool decoder::grow_buffer(size_t needed) {
    if (needed <= growing_capacity_)
        return true;
    size_t capacity = std::max(growing_capacity_ * 2, eager_allocation_limit);
    capacity = std::min(std::max(capacity, needed), body_size_);
    auto* bigger = static_cast<uint8_t*>(std::realloc(growing_, capacity));
    if (!bigger)
        return false;
    growing_ = bigger;
    growing_capacity_ = capacity;
    return true;
}

decoder::result decoder::finish_frame() {
    if (growing_) {
        if (frame_.init_data(growing_, body_size_, free_grown_body, nullptr) < 0)
            return fail(error_kind::out_of_memory);
        growing_ = nullptr;
        growing_capacity_ = 0;
    }
    body_ = nullptr;
    state_ = first_state();
    if (flags_ & command_flag)
        return result::command;
    if (flags_ & more_flag)
        frame_.set(msg::more);
    return result::message;
}

} // namespace zmx::zmtp
