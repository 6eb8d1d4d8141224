// Subscriptions: topics matched as prefixes of a message's first frame.
//
// Topics are kept whole in an ordered map, with a count of how many topics
// have each length; matching a message looks up each distinct length once.
// Nothing recurses over peer-controlled depth, so a 1 MB subscription costs
// its bytes and no stack (the class of CVE-2021-20236).
//
// Threading: the owning socket's thread.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace zmx {

template <typename Value>
class prefix_table {
public:
    Value* find(std::string_view topic) {
        auto it = topics_.find(topic);
        return it == topics_.end() ? nullptr : &it->second;
    }

    // The value for topic, created empty when new.
    Value& at(std::string_view topic) {
        auto it = topics_.find(topic);
        if (it != topics_.end())
            return it->second;
        ++lengths_[topic.size()];
        return topics_.emplace(std::string(topic), Value{}).first->second;
    }

    void erase(std::string_view topic) {
        auto it = topics_.find(topic);
        if (it == topics_.end())
            return;
        topics_.erase(it);
        auto length = lengths_.find(topic.size());
        if (--length->second == 0)
            lengths_.erase(length);
    }

    // Calls f(value) for every topic that is a prefix of data.
    template <typename F>
    void for_each_prefix_of(std::string_view data, F f) {
        for (const auto& [length, count] : lengths_) {
            if (length > data.size())
                break;
            if (auto* value = find(data.substr(0, length)))
                f(*value);
        }
    }

    // Calls f(topic, value) for every topic; f may not modify the table.
    template <typename F>
    void for_each(F f) {
        for (auto& [topic, value] : topics_)
            f(topic, value);
    }

    bool empty() const { return topics_.empty(); }

private:
    std::map<std::string, Value, std::less<>> topics_;
    std::map<size_t, size_t> lengths_;
};

} // namespace zmx
