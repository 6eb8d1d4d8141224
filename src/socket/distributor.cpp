#include "socket/distributor.hpp"

#include "base/msg.hpp"
#include "io/pipe.hpp"
#include "socket/drop_tracker.hpp"

#include <algorithm>

namespace zmx {

void distributor::terminated(pipe* p) {
    std::erase(pipes_, p);
    std::erase(targets_, p);
}

void distributor::send(msg& m, const std::vector<pipe*>* chosen) {
    if (!more_) {
        targets_.clear();
        const auto& candidates = chosen ? *chosen : pipes_;
        for (pipe* p : candidates)
            if (p->check_write())
                targets_.push_back(p);
        if (drops_)
            account(candidates.size() - targets_.size());
    }
    more_ = m.has(msg::more);
    msg copy;
    copy.init();
    for (size_t i = 0; i + 1 < targets_.size(); ++i) {
        m.copy_to(copy);
        if (!targets_[i]->write(copy))
            copy.close();
    }
    if (targets_.empty() || !targets_.back()->write(m))
        m.close();
    if (!more_)
        targets_.clear();
}

void distributor::account(size_t missed) {
    if (missed != 0)
        drops_->dropped(missed);
    else if (!targets_.empty())
        drops_->delivered();
}

bool distributor::all_have_room(const std::vector<pipe*>* chosen) const {
    const auto& set = chosen ? *chosen : pipes_;
    return std::all_of(set.begin(), set.end(), [](pipe* p) { return p->check_write(); });
}

} // namespace zmx
