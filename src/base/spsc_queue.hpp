// A lock-free single-producer single-consumer queue of trivially relocatable
// items, in linked chunks so it never copies on growth.
//
// The producer writes items privately and makes them visible with flush();
// until then it may take them back with rollback(). That is what keeps a
// multipart message atomic: its frames become visible together.
//
// The first chunk is small and each new one doubles up to ChunkItems: a
// connection that stays idle (most of 10,000 peers of a ROUTER) keeps a
// few hundred bytes of queue each way rather than ChunkItems' worth.
//
// Threading: push/flush/rollback on the producer thread only; front/pop on
// the consumer thread only. The one spare chunk is exchanged atomically so
// the steady state allocates nothing.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>

namespace zmx {

template <typename T, size_t ChunkItems = 128, size_t FirstChunkItems = (ChunkItems < 8 ? ChunkItems : 8)>
class spsc_queue {
    static_assert(FirstChunkItems >= 1 && FirstChunkItems <= ChunkItems);
    static_assert(alignof(T) <= alignof(std::max_align_t));

public:
    spsc_queue() {
        chunk* first = chunk::make(FirstChunkItems);
        tail_ = {first, 0};
        flushed_ = tail_;
        head_ = tail_;
    }

    ~spsc_queue() {
        chunk* c = head_.at;
        while (c) {
            chunk* next = c->next.load(std::memory_order_relaxed);
            chunk::destroy(c);
            c = next;
        }
        chunk::destroy(spare_.load(std::memory_order_relaxed));
    }

    spsc_queue(const spsc_queue&) = delete;
    spsc_queue& operator=(const spsc_queue&) = delete;

    // Producer: appends an item, invisible to the consumer until flush().
    T& push_slot() {
        if (tail_.index == tail_.at->capacity)
            advance_tail();
        T& slot = tail_.at->items()[tail_.index++];
        ++written_;
        return slot;
    }

    // Producer: makes every pushed item visible. Returns the new total.
    uint64_t flush() {
        flushed_ = tail_;
        published_.store(written_, std::memory_order_seq_cst);
        return written_;
    }

    // Producer: calls drop(item) on every unflushed item and forgets them.
    template <typename Drop>
    void rollback(Drop drop) {
        position p = flushed_;
        for (uint64_t n = written_ - published_.load(std::memory_order_relaxed); n > 0; --n) {
            if (p.index == p.at->capacity)
                p = {p.at->next.load(std::memory_order_relaxed), 0};
            drop(p.at->items()[p.index++]);
        }
        tail_ = flushed_;
        written_ = published_.load(std::memory_order_relaxed);
    }

    // Consumer: the next visible item, or nullptr when there is none.
    T* front() {
        if (read_ == visible_) {
            visible_ = published_.load(std::memory_order_seq_cst);
            if (read_ == visible_)
                return nullptr;
        }
        if (head_.index == head_.at->capacity) {
            chunk* done = head_.at;
            head_ = {done->next.load(std::memory_order_acquire), 0};
            done->next.store(nullptr, std::memory_order_relaxed);
            chunk::destroy(spare_.exchange(done, std::memory_order_acq_rel));
        }
        return &head_.at->items()[head_.index];
    }

    // Consumer: drops the item front() returned.
    void pop() {
        ++head_.index;
        ++read_;
    }

private:
    // A header, then `capacity` items, never constructed (T is trivially
    // relocatable and written whole by the producer).
    struct alignas(std::max_align_t) chunk {
        std::atomic<chunk*> next{nullptr};
        size_t capacity;

        explicit chunk(size_t items) : capacity(items) {}
        T* items() { return reinterpret_cast<T*>(this + 1); }
        static chunk* make(size_t items) { return new (::operator new(sizeof(chunk) + items * sizeof(T))) chunk(items); }
        static void destroy(chunk* c) {
            if (!c)
                return;
            c->~chunk();
            ::operator delete(c);
        }
    };
    struct position {
        chunk* at;
        size_t index;
    };

    void advance_tail() {
        chunk* next = tail_.at->next.load(std::memory_order_relaxed);
        if (!next) {
            // Twice the last chunk's size, until ChunkItems; a spare too
            // small for that (one of the first chunks) is let go.
            const size_t wanted = std::min(tail_.at->capacity * 2, ChunkItems);
            next = spare_.exchange(nullptr, std::memory_order_acq_rel);
            if (next && next->capacity < wanted) {
                chunk::destroy(next);
                next = nullptr;
            }
            if (!next)
                next = chunk::make(wanted);
            tail_.at->next.store(next, std::memory_order_release);
        }
        tail_ = {next, 0};
    }

    // Producer side.
    alignas(64) position tail_;
    position flushed_;
    uint64_t written_ = 0;
    alignas(64) std::atomic<uint64_t> published_{0};
    // Consumer side.
    alignas(64) position head_;
    uint64_t read_ = 0;
    uint64_t visible_ = 0;
    alignas(64) std::atomic<chunk*> spare_{nullptr};
};

} // namespace zmx
