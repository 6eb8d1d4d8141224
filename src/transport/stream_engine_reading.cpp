// How a stream engine takes its peer's bytes from the descriptor.
//
// A read goes to the loop's shared buffer (pending_input.hpp), except
// while a large body is arriving: then one readv(2) puts the body's
// missing bytes straight into its message and what follows them into the
// shared buffer. The body is so copied once, by the kernel, instead of a
// second time out of the buffer. What follows the body is limited so that
// the whole read stays within read_size: in a stream of large bodies each
// read then ends a few hundred bytes into the next one (only those are
// copied, with its header), while smaller bodies still come several to a
// read, where the copy costs less than the reads it saves.
//
// Threading: the engine's I/O thread.
#include "transport/stream_engine.hpp"

#include <algorithm>
#include <cerrno>

namespace zmx {

namespace {

constexpr size_t read_size = reactor::shared_read_size;
// Until the peer has finished its handshake it is read in small steps, so
// that what waits for a ZAP handler's answer (kept by the engine itself)
// stays small.
constexpr size_t handshake_read_size = 512;
// Bodies from this size on are read straight into their message: below
// it, copying a body from the shared buffer costs less than the reads that
// reading each body apart would add.
constexpr size_t direct_read_threshold = 8 * 1024;
// The least room for what follows a large body's missing bytes: the next
// header, and the next small frames, come in the same read.
constexpr size_t least_room_after_body = 512;

}  // namespace

bool stream_engine::takes_input() const {
    // What is left of the last read must be handled first (a full pipe,
    // or a ZAP handler still to answer).
    return !stopped() && in_.empty() && !holding() && state_ != state::awaiting_zap;
}

void stream_engine::on_readable() {
    bool took_input = false;
    // Over wss a read may leave TLS records in hand that the descriptor
    // will not signal again: they are taken in the same turn.
    while (takes_input() && (!took_input || input_in_hand())) {
        const ssize_t n = read_once();
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            fail(0, n == 0 ? EPIPE : errno);
            return;
        }
        if (n < 0)
            break;
        heartbeat_.traffic_received();
        process_input();
        took_input = true;
    }
    // The shared buffer is the next handler's once we return.
    if (stopped())
        in_.clear();
    else
        in_.keep();
    if (took_input)
        sink_.engine_input_done();
}

ssize_t stream_engine::read_once() {
    const std::span<uint8_t> body = direct_body_room();
    const std::span<uint8_t> shared = loop_.shared_read_buffer();
    if (body.empty()) {
        const ssize_t n = receive(in_.room(shared, state_ == state::active ? read_size : handshake_read_size));
        if (n > 0)
            in_.arrived(static_cast<size_t>(n));
        return n;
    }
    const ssize_t n = receive(body, in_.room(shared, std::max(read_size - body.size(), least_room_after_body)));
    if (n > 0) {
        const size_t into_body = std::min(static_cast<size_t>(n), body.size());
        decoder_.body_arrived(into_body);
        in_.arrived(static_cast<size_t>(n) - into_body);
    }
    return n;
}

// Not over ws (wss too), whose framing sits between ZMTP's.
std::span<uint8_t> stream_engine::direct_body_room() {
    if (state_ != state::active || ws_ || decoder_.arriving_body_size() < direct_read_threshold)
        return {};
    return decoder_.body_room(0, read_size);
}

}  // namespace zmx
