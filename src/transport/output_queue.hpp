// What a connection has still to send: the bytes its engine encoded and,
// spliced between them, the bodies of large messages. A spliced body goes
// to the kernel from the message itself, one iovec of a sendmsg(2) among
// the others, instead of being copied into the bytes first: for a 64 KiB
// body the copy costs more than the system call.
//
// Threading: the I/O thread of the engine that owns it.
#pragma once

#include "base/msg.hpp"

#include <sys/uio.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace zmx {

class output_queue {
public:
    // Bodies from this size on are worth splicing (below it, copying them
    // into the bytes is cheaper than an iovec of their own).
    static constexpr size_t splice_threshold = 8 * 1024;

    output_queue() = default;
    output_queue(const output_queue&) = delete;
    output_queue& operator=(const output_queue&) = delete;
    ~output_queue() { clear(); }

    // Where engines append what they encode.
    std::vector<uint8_t>& bytes() { return bytes_; }
    // m's body goes out after the bytes appended so far, from m itself:
    // m is taken over and left empty.
    void splice(msg& m);

    // Bytes not yet sent, spliced bodies included.
    size_t size() const { return bytes_.size() - bytes_sent_ + spliced_unsent_; }
    // The unsent bytes when nothing is spliced (the TLS and handshake
    // paths, which never splice, hand them on themselves).
    std::span<const uint8_t> unsent_bytes() const {
        return std::span<const uint8_t>(bytes_).subspan(bytes_sent_);
    }

    enum class outcome { all_sent, blocked, failed };
    // Sends as much as fd takes: blocked when the descriptor is full,
    // failed with errno set for any other error.
    outcome send_to(int fd);
    // Forgets everything unsent, releasing the spliced messages.
    void clear();

private:
    struct spliced_body {
        size_t at;  // the body follows bytes_[0, at)
        msg body;
    };

    // Fills iov with what is unsent, in order: how many entries.
    size_t gather(iovec* iov, size_t capacity);
    // Takes n sent bytes off the front.
    void advance(size_t n);

    std::vector<uint8_t> bytes_;
    size_t bytes_sent_ = 0;
    std::vector<spliced_body> spliced_;  // in the order of `at`
    size_t first_unsent_ = 0;            // index into spliced_
    size_t body_sent_ = 0;               // of spliced_[first_unsent_]
    size_t spliced_unsent_ = 0;
};

} // namespace zmx
