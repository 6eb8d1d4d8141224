// What the fuzz targets share: invariant checks that always run, the
// leading configuration bytes of an input, and the split of a byte stream
// into the reads a connection might see.
//
// A target is a plain LLVMFuzzerTestOneInput; the same source runs under
// libFuzzer (ZMX_FUZZ build) and under replay_main.cpp (normal build).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>

namespace zmx::fuzz {

using byte_span = std::span<const uint8_t>;

[[noreturn]] inline void invariant_broken(const char* condition, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, condition);
    std::abort();  // libFuzzer keeps the input as a crash; the replay test fails
}

// Not assert(): RelWithDebInfo builds define NDEBUG, and these checks are
// the point of the targets.
#define FUZZ_REQUIRE(condition) \
    ((condition) ? void(0) : ::zmx::fuzz::invariant_broken(#condition, __FILE__, __LINE__))

// Takes configuration bytes off the front of an input; the rest is what
// the target feeds to the codec. An exhausted input reads as zeros so every
// input, even an empty one, is a valid configuration.
class input_reader {
public:
    explicit input_reader(byte_span input) : rest_(input) {}

    uint8_t take_byte() {
        if (rest_.empty())
            return 0;
        const uint8_t value = rest_[0];
        rest_ = rest_.subspan(1);
        return value;
    }
    byte_span rest() const { return rest_; }

private:
    byte_span rest_;
};

// The maximum message size a selector byte stands for: 0 is "no limit"
// (-1), otherwise a square so small limits are dense and ones past the
// 255-byte short frame are reachable.
inline int64_t max_message_size_from(uint8_t selector) {
    if (selector == 0)
        return -1;
    const int64_t root = selector - 1;
    return root * root;
}

// A byte stream as successive reads: a codec is offered what is left of
// the current read and consumes a prefix of it (up to the end of one frame
// or greeting); a new read begins only when the last one is used up, as in
// an engine. max_chunk 0 delivers the stream in one read; otherwise read
// sizes vary between 1 and max_chunk in a sequence fixed by max_chunk, so
// an input always replays the same way.
class chunked_stream {
public:
    chunked_stream(byte_span stream, uint8_t max_chunk)
        : stream_(stream), max_chunk_(max_chunk), random_(0x9E3779B9u ^ max_chunk) {}

    bool at_end() const { return position_ == stream_.size(); }
    size_t position() const { return position_; }

    // What is left of the current read (a new read if it is used up);
    // empty only at the end of the stream.
    byte_span pending() {
        if (position_ == read_end_)
            read_end_ = std::min(stream_.size(), position_ + next_read_size());
        return stream_.subspan(position_, read_end_ - position_);
    }

    void consume(size_t count) {
        FUZZ_REQUIRE(count <= read_end_ - position_);
        position_ += count;
    }

private:
    size_t next_read_size() {
        if (max_chunk_ == 0)
            return stream_.size();
        random_ ^= random_ << 13;  // xorshift32: cheap and reproducible
        random_ ^= random_ >> 17;
        random_ ^= random_ << 5;
        return 1 + random_ % max_chunk_;
    }

    byte_span stream_;
    uint8_t max_chunk_;
    uint32_t random_;
    size_t position_ = 0;
    size_t read_end_ = 0;
};

inline bool same_bytes(byte_span a, byte_span b) { return std::ranges::equal(a, b); }

} // namespace zmx::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
