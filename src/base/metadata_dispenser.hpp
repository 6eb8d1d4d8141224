// Hands out references to one connection's metadata, bought from it in
// batches. A session gives a reference to every frame it receives; one
// atomic increment per frame, on a counter the application's thread
// decrements as it closes messages, was a visible part of the I/O thread's
// time at 64 B. Used by one thread.
#pragma once

#include "base/metadata.hpp"

namespace zmx {

class metadata_dispenser {
public:
    metadata_dispenser() = default;
    metadata_dispenser(const metadata_dispenser&) = delete;
    metadata_dispenser& operator=(const metadata_dispenser&) = delete;
    ~metadata_dispenser() { reset(nullptr); }

    // Dispenses md from now on, adopting the caller's reference to it
    // (nullptr: nothing); lets go of the previous one.
    void reset(metadata* md) {
        if (md_)
            md_->release(prepaid_ + 1);
        md_ = md;
        prepaid_ = 0;
    }

    // A reference the caller owns, or nullptr when there is no metadata.
    metadata* take() {
        if (!md_)
            return nullptr;
        if (prepaid_ == 0) {
            md_->add_ref(batch);
            prepaid_ = batch;
        }
        --prepaid_;
        return md_;
    }

private:
    static constexpr int batch = 256;
    metadata* md_ = nullptr;
    int prepaid_ = 0;  // references bought and not handed out yet
};

} // namespace zmx
