// Small-integer names for objects, as xio gives its handles, endpoints and
// poll sets: the lowest free number, as POSIX gives file descriptors.
//
// Threading: any thread; the objects are shared, so one closed by one thread
// stays alive for another that is still using it.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

namespace zmx::xio {

template <typename T>
class id_table {
public:
    // The new object's number.
    int add(std::shared_ptr<T> object) {
        std::lock_guard lock(mutex_);
        for (size_t i = 0; i < slots_.size(); ++i) {
            if (!slots_[i]) {
                slots_[i] = std::move(object);
                return static_cast<int>(i);
            }
        }
        slots_.push_back(std::move(object));
        return static_cast<int>(slots_.size() - 1);
    }

    // The object numbered id, or null.
    std::shared_ptr<T> get(int id) const {
        std::lock_guard lock(mutex_);
        return valid(id) ? slots_[static_cast<size_t>(id)] : nullptr;
    }

    // Takes the object out (its number is free again); null if none.
    std::shared_ptr<T> remove(int id) {
        std::lock_guard lock(mutex_);
        return valid(id) ? std::move(slots_[static_cast<size_t>(id)]) : nullptr;
    }

private:
    bool valid(int id) const { return id >= 0 && static_cast<size_t>(id) < slots_.size(); }

    mutable std::mutex mutex_;
    std::vector<std::shared_ptr<T>> slots_;
};

} // namespace zmx::xio
