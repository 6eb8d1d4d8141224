// A set of pipes split into an active front and an inactive back, the
// bookkeeping shared by the fair-queue and load-balance strategies.
// `current` walks the active front round-robin.
//
// Threading: the owning socket's thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace zmx {

class pipe;

class pipe_set {
public:
    void add_active(pipe* p) {
        pipes_.push_back(p);
        std::swap(pipes_[active_], pipes_.back());
        ++active_;
    }

    // Moves an inactive pipe to the active front; false if it was active
    // already or is unknown.
    bool activate(pipe* p) {
        const size_t at = index_of(p);
        if (at >= pipes_.size() || at < active_)
            return false;
        std::swap(pipes_[at], pipes_[active_]);
        ++active_;
        return true;
    }

    // Moves the current pipe to the inactive back.
    void deactivate_current() {
        --active_;
        std::swap(pipes_[current_], pipes_[active_]);
        if (current_ == active_)
            current_ = 0;
    }

    void remove(pipe* p) {
        size_t at = index_of(p);
        if (at >= pipes_.size())
            return;
        if (at < active_) {
            --active_;
            std::swap(pipes_[at], pipes_[active_]);
            if (current_ == active_)
                current_ = 0;
            at = active_;
        }
        std::swap(pipes_[at], pipes_.back());
        pipes_.pop_back();
    }

    void advance() { current_ = active_ ? (current_ + 1) % active_ : 0; }

    // Makes the first active pipe for which ready(pipe) holds the current
    // one, deactivating those before it; false when none is ready.
    template <typename Ready>
    bool find_ready(Ready ready) {
        while (active_ > 0) {
            if (ready(current()))
                return true;
            deactivate_current();
        }
        return false;
    }

    pipe* current() const { return pipes_[current_]; }
    size_t active() const { return active_; }
    bool empty() const { return pipes_.empty(); }
    const std::vector<pipe*>& all() const { return pipes_; }

private:
    size_t index_of(pipe* p) const { return std::find(pipes_.begin(), pipes_.end(), p) - pipes_.begin(); }

    std::vector<pipe*> pipes_;
    size_t active_ = 0;
    size_t current_ = 0;
};

} // namespace zmx
