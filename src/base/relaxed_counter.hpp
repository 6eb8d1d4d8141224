// A statistics counter with one writer and any number of readers.
//
// The owning thread adds with a relaxed load and a relaxed store: on x86
// and arm64 that is a plain load and a plain store, as cheap as a bare
// integer, with no locked read-modify-write. It is still an atomic, so a
// reader on another thread (zmx_socket_stats, a monitor) sees a value the
// writer did store, never a torn one, and the program has no data race.
// Two writers would lose counts: each counter names its writer where it is
// declared.
#pragma once

#include <atomic>
#include <cstdint>

namespace zmx {

class relaxed_counter {
public:
    // Owning thread only.
    void add(uint64_t n = 1) { value_.store(value_.load(std::memory_order_relaxed) + n, std::memory_order_relaxed); }
    // Any thread.
    uint64_t get() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<uint64_t> value_{0};
};

} // namespace zmx
