// Monotonic milliseconds, and deadlines built from libzmq-style timeouts
// (-1 means forever, 0 means do not wait).
#pragma once

#include <chrono>
#include <cstdint>

namespace zmx {

inline int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

class deadline {
public:
    explicit deadline(int timeout_ms)
        : forever_(timeout_ms < 0), at_(timeout_ms < 0 ? 0 : now_ms() + timeout_ms) {}

    // Milliseconds left: -1 for forever, 0 once expired.
    int remaining_ms() const {
        if (forever_)
            return -1;
        const int64_t left = at_ - now_ms();
        return left > 0 ? static_cast<int>(left) : 0;
    }
    bool expired() const { return !forever_ && now_ms() >= at_; }

private:
    bool forever_;
    int64_t at_;
};

} // namespace zmx
