// Subscriptions: topics matched as prefixes of a message's first frame.
//
// A radix tree: each node holds the bytes that lead to it from its parent,
// so a topic costs its bytes once and matching a message walks it once,
// whatever the topics are (a subscriber with one topic of every length,
// "a", "aa", "aaa", ..., costs a match n small steps, not n^2 bytes
// compared). Every walk is a loop, destruction included: nothing recurses
// over peer-controlled depth, so a 1 MB subscription costs its bytes and no
// stack (the class of CVE-2021-20236).
//
// Threading: the owning socket's thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zmx {

template <typename Value>
class prefix_table {
public:
    prefix_table() = default;
    ~prefix_table() { clear(); }
    prefix_table(const prefix_table&) = delete;
    prefix_table& operator=(const prefix_table&) = delete;

    Value* find(std::string_view topic) {
        node* n = &root_;
        while (!topic.empty()) {
            node* child = n->child_for(topic.front());
            if (!child || !topic.starts_with(child->label))
                return nullptr;
            topic.remove_prefix(child->label.size());
            n = child;
        }
        return n->value ? &*n->value : nullptr;
    }

    // The value for topic, created empty when new.
    Value& at(std::string_view topic) {
        node* n = &root_;
        while (!topic.empty()) {
            auto slot = n->slot_for(topic.front());
            if (slot == n->children.end() || (*slot)->label.front() != topic.front()) {
                n = n->children.insert(slot, std::make_unique<node>(std::string(topic)))->get();
                topic = {};
                break;
            }
            node* child = slot->get();
            const size_t common = common_length(child->label, topic);
            if (common < child->label.size())
                child = split(*slot, common);
            topic.remove_prefix(common);
            n = child;
        }
        if (!n->value)
            n->value.emplace();
        return *n->value;
    }

    void erase(std::string_view topic) {
        // The path down, to tidy up on the way back.
        std::vector<node*> path{&root_};
        while (!topic.empty()) {
            node* child = path.back()->child_for(topic.front());
            if (!child || !topic.starts_with(child->label))
                return;
            topic.remove_prefix(child->label.size());
            path.push_back(child);
        }
        path.back()->value.reset();
        // A node without a value keeps a place in the tree only where
        // topics branch: drop it when it leads nowhere, fold it into its
        // only child otherwise.
        for (size_t depth = path.size() - 1; depth > 0; --depth) {
            node& n = *path[depth];
            if (n.value || n.children.size() > 1)
                break;
            node& parent = *path[depth - 1];
            auto slot = parent.slot_for(n.label.front());
            if (n.children.empty()) {
                parent.children.erase(slot);
                continue;
            }
            std::unique_ptr<node> only = std::move(n.children.front());
            only->label.insert(0, n.label);
            *slot = std::move(only);  // frees n
            break;
        }
    }

    // Calls f(value) for every topic that is a prefix of data.
    template <typename F>
    void for_each_prefix_of(std::string_view data, F f) {
        node* n = &root_;
        for (;;) {
            if (n->value)
                f(*n->value);
            if (data.empty())
                return;
            node* child = n->child_for(data.front());
            if (!child || !data.starts_with(child->label))
                return;
            data.remove_prefix(child->label.size());
            n = child;
        }
    }

    // Calls f(topic, value) for every topic, in byte order; f may not
    // modify the table.
    template <typename F>
    void for_each(F f) {
        std::string topic;
        // Nodes still to visit, each with the length of its parent's topic.
        std::vector<std::pair<node*, size_t>> pending{{&root_, 0}};
        while (!pending.empty()) {
            auto [n, parent_length] = pending.back();
            pending.pop_back();
            topic.resize(parent_length);
            topic += n->label;
            if (n->value)
                f(topic, *n->value);
            for (auto child = n->children.rbegin(); child != n->children.rend(); ++child)
                pending.emplace_back(child->get(), topic.size());
        }
    }

    bool empty() const { return !root_.value && root_.children.empty(); }

private:
    struct node {
        explicit node(std::string l = {}) : label(std::move(l)) {}

        using child_list = std::vector<std::unique_ptr<node>>;

        // Where the child starting with `first` is, or would go: children
        // are sorted by their first byte, no two share it.
        typename child_list::iterator slot_for(char first) {
            return std::lower_bound(children.begin(), children.end(), first,
                                    [](const std::unique_ptr<node>& c, char b) {
                                        return static_cast<unsigned char>(c->label.front()) <
                                               static_cast<unsigned char>(b);
                                    });
        }
        node* child_for(char first) {
            auto slot = slot_for(first);
            return slot != children.end() && (*slot)->label.front() == first ? slot->get() : nullptr;
        }

        std::string label;  // the bytes from the parent; empty for the root only
        child_list children;
        std::optional<Value> value;  // set when a topic ends here
    };

    static size_t common_length(std::string_view a, std::string_view b) {
        return static_cast<size_t>(std::mismatch(a.begin(), a.begin() + std::min(a.size(), b.size()), b.begin()).first -
                                   a.begin());
    }

    // Cuts the label of the node in `slot` after `length` bytes: a new node
    // with the first part takes its place and the node becomes its only
    // child. Returns the new node.
    static node* split(std::unique_ptr<node>& slot, size_t length) {
        auto head = std::make_unique<node>(slot->label.substr(0, length));
        slot->label.erase(0, length);
        head->children.push_back(std::move(slot));
        slot = std::move(head);
        return slot.get();
    }

    // Frees every node with a loop: a tree as deep as a hostile subscriber
    // makes it would overflow the stack of recursive destructors.
    void clear() {
        typename node::child_list doomed = std::move(root_.children);
        while (!doomed.empty()) {
            std::unique_ptr<node> n = std::move(doomed.back());
            doomed.pop_back();
            for (auto& child : n->children)
                doomed.push_back(std::move(child));
        }
    }

    node root_;
};

} // namespace zmx
