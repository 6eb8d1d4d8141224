// How many bytes the test process has allocated and not yet freed, zmx
// included: large blocks count in full even when their pages were never
// touched, so a buffer reserved for a peer's claimed length shows at once
// (the resident set would not show it).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <thread>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
// The sanitizer runtimes export it; GCC ships no header that declares it.
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#else
#include <malloc.h>
#endif

namespace ht {

inline size_t heap_in_use() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    // The sanitizers replace malloc; their allocator keeps the count.
    return __sanitizer_get_current_allocated_bytes();
#else
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;  // every arena, plus mmapped blocks
#endif
}

inline int64_t heap_growth_since(size_t before) {
    return static_cast<int64_t>(heap_in_use()) - static_cast<int64_t>(before);
}

// Waits until the heap has grown by at least `bytes` since `before` (an
// I/O thread taking in what a peer sent): false after timeout_ms.
inline bool heap_grows_by(size_t before, size_t bytes, int timeout_ms = 5000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (heap_growth_since(before) < static_cast<int64_t>(bytes)) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));  // a poll: nothing signals this
    }
    return true;
}

inline constexpr size_t kib = 1024;
inline constexpr size_t mib = 1024 * kib;

} // namespace ht
