// Incremental RFC 6455 decoder for ZWS 2.0 (ws_frame.hpp): fed a
// connection's bytes after the HTTP upgrade in chunks of any size, it
// yields ZMTP message and command frames, and the control frames the
// engine answers (ping, close).
//
// Checked, each an error that ends the connection: reserved bits, opcodes
// other than binary, continuation and control (ZWS is binary only), the
// mask bit the wrong way for our role, a 64-bit length with its top bit
// set, a control frame over 125 bytes or fragmented, a continuation with
// no message begun or a new message inside one, a message with no ZWS
// flags byte, a MORE on a command, and a message body over the maximum
// size. Fragments are joined into one frame.
//
// Payload bytes are unmasked straight from the caller's bytes into the
// body of the message being assembled: an unfragmented message up to
// eager_allocation_limit is allocated whole when its header arrives (its
// size is then known and checked); a larger or fragmented one grows in a
// buffer as its bytes actually arrive, never by what a header claims, and
// that buffer becomes the message's body without a copy.
//
// Sans-I/O. Threading: the one thread driving its connection.
#pragma once

#include "base/msg.hpp"
#include "transport/ws_frame.hpp"
#include "transport/ws_mask.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace zmx::ws {

class frame_decoder {
public:
    enum class result {
        need_more,  // everything offered was consumed
        message,    // frame() holds a message frame (msg::more from the flags)
        command,    // frame() holds a command body
        ping,       // control_payload() is what the pong must echo
        pong,
        close,      // control_payload() holds the peer's status and reason
        error,      // final
    };

    // masked: whether the peer must mask (it is a client, we the server).
    // max_message_size: ZMQ_MAXMSGSIZE, -1 for none.
    // Unfragmented bodies up to this size are allocated when their header arrives.
    static constexpr size_t eager_allocation_limit = size_t{1} << 20;

    frame_decoder(bool masked, int64_t max_message_size);
    ~frame_decoder();
    frame_decoder(const frame_decoder&) = delete;
    frame_decoder& operator=(const frame_decoder&) = delete;

    void set_max_message_size(int64_t max_message_size) { max_message_size_ = max_message_size; }
    // Consumes bytes until one frame completes (never beyond it) and adds
    // the number taken to `consumed`. A message or command must be taken
    // from frame() before the next call, which drops it otherwise.
    result decode(std::span<const uint8_t> in, size_t& consumed);

    msg& frame() { return frame_; }
    // After an error: whether it was a message over the maximum size.
    bool refused_oversize() const { return oversize_; }
    const std::vector<uint8_t>& control_payload() const { return control_; }

private:
    enum class state { header, payload };

    // How many bytes the header has in all, as far as its first bytes tell.
    size_t header_wanted() const;
    // Checks a complete header and prepares for its payload.
    bool start_payload();
    bool check_opcode(opcode code, bool final);
    // Where the message body goes, once a data frame's header is checked.
    bool start_body(uint64_t body_total);
    // Room for n more body bytes at body_end(); false when out of memory.
    bool body_room(size_t n);
    uint8_t* body_end() { return (eager_ ? static_cast<uint8_t*>(frame_.data()) : growing_) + body_size_; }
    size_t take_control(const uint8_t* bytes, size_t n);
    size_t take_data(const uint8_t* bytes, size_t n);
    // Unmasks (or copies, from a server) n payload bytes to dst.
    void unmask(uint8_t* dst, const uint8_t* src, size_t n);
    bool adopt_growing();
    void release_growing();
    // Takes payload bytes; the result when the frame is complete.
    result take_payload(std::span<const uint8_t> in, size_t& taken);
    result finish_frame();
    result finish_message();
    result fail();

    const bool masked_;
    int64_t max_message_size_;
    state state_ = state::header;
    uint8_t header_[max_header_size] = {};
    size_t header_size_ = 0;
    // The frame whose payload is being read.
    opcode code_ = opcode::binary;
    bool final_ = false;
    uint64_t remaining_ = 0;
    mask_key mask_{};
    size_t mask_phase_ = 0;
    // The message being reassembled across fragments.
    bool in_message_ = false;
    bool have_flags_ = false;
    uint8_t zws_flags_ = 0;
    // The body so far: in frame_ itself when allocated eagerly, else in a
    // malloc'd buffer that grows as bytes arrive and frame_ adopts at the end.
    bool eager_ = false;
    size_t body_size_ = 0;
    // What the body's size can reach: exact once its final frame is known.
    uint64_t body_bound_ = 0;
    uint8_t* growing_ = nullptr;
    size_t growing_capacity_ = 0;
    std::vector<uint8_t> control_;
    msg frame_;
    bool failed_ = false;
    bool oversize_ = false;
};

} // namespace zmx::ws
