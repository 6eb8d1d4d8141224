// The bytes an engine has read and not yet worked through.
//
// Reads land in the loop's shared buffer (reactor::shared_read_buffer),
// and nearly every read is worked through whole in the callback that made
// it: a connection needs no read buffer of its own for that, so 10,000
// idle connections do not each keep 64 KiB. What is left when the engine
// stops early (the socket's pipe is full, a ZAP handler has yet to answer)
// moves by keep() to storage of the engine's own, sized to fit, before the
// callback returns; that storage is freed as soon as it is used up. A
// frame split across reads needs none of this: the decoder keeps its
// partial header and body itself.
//
// Threading: the engine's I/O thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace zmx {

class pending_input {
public:
    // Where the next read goes: the first at_most bytes of `shared`. Only
    // while nothing is pending; the engine's own storage is let go.
    std::span<uint8_t> room(std::span<uint8_t> shared, size_t at_most);
    // n bytes were read into room(): they are pending now.
    void arrived(size_t n) {
        offset_ = 0;
        end_ = n;
    }

    std::span<const uint8_t> bytes() const { return {data_ + offset_, end_ - offset_}; }
    bool empty() const { return offset_ == end_; }
    // The first n pending bytes are worked through.
    void consume(size_t n) {
        offset_ += n;
        if (offset_ == end_ && own_)
            release();
    }

    // Puts bytes back in front of the pending ones (a ZMTP 1.0 peer's
    // first bytes, read as its greeting, start its identity frame).
    void put_back(std::span<const uint8_t> front);
    // Called before the callback that read into the shared buffer returns:
    // the pending bytes move out of it, to the engine's own storage.
    void keep();
    // Forgets the pending bytes (the connection is over).
    void clear();

private:
    void move_to_own(std::span<const uint8_t> front);
    void release();

    const uint8_t* data_ = nullptr;  // the shared buffer or own_
    size_t offset_ = 0;
    size_t end_ = 0;
    std::unique_ptr<uint8_t[]> own_;
};

} // namespace zmx
