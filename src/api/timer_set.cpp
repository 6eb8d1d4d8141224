#include "api/timer_set.hpp"

#include "base/clock.hpp"
#include "base/error.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace zmx {

int timer_set::add(size_t interval_ms, handler* fn, void* arg) {
    const int id = next_id_++;
    timers_[id] = {interval_ms, now_ms() + static_cast<int64_t>(interval_ms), fn, arg};
    return id;
}

int timer_set::cancel(int timer_id) { return timers_.erase(timer_id) ? 0 : fail(EINVAL); }

int timer_set::set_interval(int timer_id, size_t interval_ms) {
    auto it = timers_.find(timer_id);
    if (it == timers_.end())
        return fail(EINVAL);
    it->second.interval = interval_ms;
    it->second.due = now_ms() + static_cast<int64_t>(interval_ms);
    return 0;
}

int timer_set::reset(int timer_id) {
    auto it = timers_.find(timer_id);
    if (it == timers_.end())
        return fail(EINVAL);
    it->second.due = now_ms() + static_cast<int64_t>(it->second.interval);
    return 0;
}

long timer_set::timeout() const {
    if (timers_.empty())
        return -1;
    int64_t next = INT64_MAX;
    for (const auto& [id, t] : timers_)
        next = std::min(next, t.due);
    return static_cast<long>(std::max<int64_t>(0, next - now_ms()));
}

void timer_set::execute() {
    const int64_t now = now_ms();
    std::vector<std::pair<int64_t, int>> due;
    for (const auto& [id, t] : timers_)
        if (t.due <= now)
            due.emplace_back(t.due, id);
    std::sort(due.begin(), due.end());
    for (const auto& [when, id] : due) {
        // A handler may cancel timers that are due after it.
        auto it = timers_.find(id);
        if (it == timers_.end())
            continue;
        it->second.due = now + static_cast<int64_t>(it->second.interval);
        it->second.fn(id, it->second.arg);
    }
}

} // namespace zmx
