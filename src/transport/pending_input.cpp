#include "transport/pending_input.hpp"

#include <algorithm>
#include <cstring>

namespace zmx {

std::span<uint8_t> pending_input::room(std::span<uint8_t> shared, size_t at_most) {
    release();
    data_ = shared.data();
    return shared.first(std::min(at_most, shared.size()));
}

void pending_input::put_back(std::span<const uint8_t> front) {
    if (!front.empty())
        move_to_own(front);
}

void pending_input::keep() {
    if (empty())
        release();
    else if (!own_ || data_ != own_.get())
        move_to_own({});
}

// The pending bytes, after `front`, in storage of their own, sized to fit.
void pending_input::move_to_own(std::span<const uint8_t> front) {
    const std::span<const uint8_t> rest = bytes();
    auto joined = std::make_unique_for_overwrite<uint8_t[]>(front.size() + rest.size());
    if (!front.empty())
        std::memcpy(joined.get(), front.data(), front.size());
    if (!rest.empty())
        std::memcpy(joined.get() + front.size(), rest.data(), rest.size());
    own_ = std::move(joined);
    data_ = own_.get();
    offset_ = 0;
    end_ = front.size() + rest.size();
}

void pending_input::clear() { release(); }

void pending_input::release() {
    own_.reset();
    data_ = nullptr;
    offset_ = 0;
    end_ = 0;
}

} // namespace zmx
