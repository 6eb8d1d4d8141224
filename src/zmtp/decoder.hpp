// Incremental ZMTP frame decoder: fed the bytes that follow the greeting
// in chunks of any size (one byte at a time works), it yields message
// frames and command frames as zmx::msg.
//
// It reads 3.x framing unless told otherwise before the first byte; legacy
// peers' framing (framing.hpp) is read as libzmq 4.3 reads it:
//   2.0  flag bits other than MORE and LONG are not checked, and a COMMAND
//        bit gives a command frame whatever its MORE (libzmq drops it);
//   1.0  only MORE of the flags byte counts; a length of 0 (no room for the
//        flags byte) is an error; ZMQ_MAXMSGSIZE applies to the body.
// This is also the entry point for fuzzing every version's framing.
//
// A peer's declared size is never trusted: it is checked against the
// maximum message size before anything is allocated, and bodies beyond
// eager_allocation_limit grow as their bytes actually arrive.
//
// Sans-I/O. Threading: a decoder belongs to one connection and is used by
// the one thread driving it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "base/msg.hpp"
#include "zmtp/framing.hpp"

namespace zmx::zmtp {

// The largest frame a peer may send before its handshake is done: room for
// any READY (socket type, routing id, application metadata), while a
// stranger's claimed length can make us reserve no more than this.
inline constexpr int64_t handshake_frame_limit = 64 * 1024;

class decoder {
public:
    enum class result {
        need_more,  // everything offered was consumed; feed more
        message,    // frame() holds a message frame (msg::more set from MORE)
        command,    // frame() holds a command body (name and data)
        error,      // malformed input or no memory: error() says which; final
    };

    enum class error_kind {
        none,
        reserved_flags,     // a reserved bit (7-3) of the flags byte is set
        more_on_command,    // RFC 37: MORE shall be zero on command frames
        too_large,          // size above the maximum or with the top bit set
        zero_length,        // 1.0: a length of 0 leaves no room for the flags
        out_of_memory,
    };

    // Bodies up to this size are allocated whole when their header arrives.
    static constexpr size_t eager_allocation_limit = size_t{1} << 20;

    // max_message_size: ZMQ_MAXMSGSIZE, -1 for none; applies to every frame.
    explicit decoder(int64_t max_message_size = -1, framing format = framing::zmtp3)
        : max_message_size_(max_message_size), framing_(format), state_(first_state()) {
        frame_.init();  // msg has no constructor
    }
    // Switches to a legacy peer's framing; only before the first byte.
    void use_framing(framing format) {
        framing_ = format;
        state_ = first_state();
    }
    // Changes the limit for the frames that follow: called between frames,
    // e.g. to lift handshake_frame_limit once the handshake is done.
    void set_max_message_size(int64_t max_message_size) { max_message_size_ = max_message_size; }
    ~decoder();
    decoder(const decoder&) = delete;
    decoder& operator=(const decoder&) = delete;

    // Consumes bytes of `in` until one frame completes (never beyond it) and
    // adds the number taken to `consumed`. After message or command the
    // caller takes frame() (e.g. frame().move_to(dst)) before feeding again;
    // an untaken frame is dropped by the next call.
    result decode(std::span<const uint8_t> in, size_t& consumed);

    msg& frame() { return frame_; }
    error_kind error() const { return error_; }

    // Large bodies skip the caller's read buffer. While a body is arriving
    // and more than at_least bytes of it are missing: where up to at_most of
    // them can be read straight to (empty otherwise, or when out of memory;
    // decode() then reports it). After reading n bytes there, body_arrived(n)
    // counts them; a body completed that way is finished by the next
    // decode(), which may be given no bytes at all.
    std::span<uint8_t> body_room(size_t at_least, size_t at_most);
    void body_arrived(size_t n) { body_received_ += n; }
    // The declared size of the body arriving, 0 between bodies.
    size_t arriving_body_size() const { return state_ == state::body ? body_size_ : 0; }
    bool body_complete() const { return state_ == state::body && body_received_ == body_size_; }

private:
    // 2.0/3.x: flags, size, body. 1.0: zmtp1_length, (size,) zmtp1_flags, body.
    enum class state { flags, size, body, zmtp1_length, zmtp1_flags };

    state first_state() const { return framing_ == framing::zmtp1 ? state::zmtp1_length : state::flags; }
    result fail(error_kind kind);
    bool size_allowed(uint64_t size) const;
    result take_zmtp1_length(uint64_t length);
    result start_body(uint64_t size);
    bool grow_buffer(size_t needed);
    result finish_frame();

    int64_t max_message_size_;
    framing framing_;
    state state_;
    error_kind error_ = error_kind::none;
    uint8_t flags_ = 0;
    uint8_t size_bytes_[8] = {};
    size_t size_received_ = 0;
    size_t size_length_ = 0;  // 1 or 8
    size_t body_size_ = 0;
    size_t body_received_ = 0;
    // Where body bytes go: frame_'s own body when allocated eagerly, else a
    // malloc'd buffer grown as bytes arrive and handed to frame_ at the end.
    uint8_t* body_ = nullptr;
    uint8_t* growing_ = nullptr;
    size_t growing_capacity_ = 0;
    msg frame_;
};

} // namespace zmx::zmtp
