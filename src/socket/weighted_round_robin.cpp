#include "socket/weighted_round_robin.hpp"

#include "io/pipe.hpp"

#include <algorithm>

namespace zmx {

void weighted_round_robin::attach(pipe* p, std::string_view) { peers_.push_back({p, 1, 0}); }

void weighted_round_robin::terminated(pipe* p) {
    std::erase_if(peers_, [p](const peer& e) { return e.p == p; });
}

void weighted_round_robin::weigh(pipe* p, int weight) {
    for (peer& e : peers_)
        if (e.p == p)
            e.weight = weight;
}

pipe* weighted_round_robin::choose(uint32_t) {
    peer* best = nullptr;
    int64_t earned = 0;
    for (peer& e : peers_) {
        if (!e.p->check_write())
            continue;
        e.credit += e.weight;
        earned += e.weight;
        if (!best || e.credit > best->credit)
            best = &e;
    }
    if (!best)
        return nullptr;
    best->credit -= earned;
    return best->p;
}

} // namespace zmx
