// ubufs and their control headers (uctl), and the refusal of anything that
// is not a live ubuf.
#include <xio/cmsghdr.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

namespace {

TEST(XioUbuf, AllocatesTheSizeAskedFor) {
    char* u = ualloc(12);
    ASSERT_NE(u, nullptr);
    EXPECT_EQ(usize(u), 12);
    std::memcpy(u, "Hello world!", 12);
    EXPECT_EQ(std::memcmp(u, "Hello world!", 12), 0);
    ufree(u);
}

TEST(XioUbuf, ZeroSizeIsAUbufToo) {
    char* u = ualloc(0);
    ASSERT_NE(u, nullptr);
    EXPECT_EQ(usize(u), 0);
    ufree(u);
}

TEST(XioUbuf, NegativeSizeIsEinval) {
    errno = 0;
    EXPECT_EQ(ualloc(-1), nullptr);
    EXPECT_EQ(errno, EINVAL);
}

TEST(XioUbuf, OldNamesAreAliases) {
    char* u = xallocubuf(5);
    ASSERT_NE(u, nullptr);
    EXPECT_EQ(xubuflen(u), 5);
    EXPECT_EQ(usize(u), 5);
    xfreeubuf(u);
    EXPECT_EQ(usize(u), -1);
}

TEST(XioUbuf, ForeignAndFreedPointersAreRefused) {
    char stack_bytes[64] = {};
    errno = 0;
    EXPECT_EQ(usize(stack_bytes + 32), -1);
    EXPECT_EQ(errno, EINVAL);
    EXPECT_EQ(usize(nullptr), -1);

    char* u = ualloc(4);
    ufree(u);
    errno = 0;
    EXPECT_EQ(usize(u), -1);
    EXPECT_EQ(errno, EINVAL);
    ufree(u);  // a second free is ignored
    int n = 0;
    EXPECT_EQ(uctl(u, SNUM, &n), -1);
    EXPECT_EQ(errno, EINVAL);
}

TEST(XioUctl, AddsWalksAndRemovesControls) {
    char* u = ualloc(3);
    char* a = ualloc(1);
    char* b = ualloc(2);
    int n = -1;
    ASSERT_EQ(uctl(u, SNUM, &n), 0);
    EXPECT_EQ(n, 0);
    char* cursor = nullptr;
    EXPECT_EQ(uctl(u, SFIRST, &cursor), -1);
    EXPECT_EQ(errno, ENOENT);

    ASSERT_EQ(uctl(u, SADD, a), 0);
    uctl_add(u, b);
    ASSERT_EQ(uctl(u, SNUM, &n), 0);
    EXPECT_EQ(n, 2);
    ASSERT_EQ(uctl(u, SFIRST, &cursor), 0);
    EXPECT_EQ(cursor, a);
    ASSERT_EQ(uctl(u, SNEXT, &cursor), 0);
    EXPECT_EQ(cursor, b);
    EXPECT_EQ(uctl(u, SNEXT, &cursor), -1);
    EXPECT_EQ(errno, ENOENT);
    ASSERT_EQ(uctl(u, SLAST, &cursor), 0);
    EXPECT_EQ(cursor, b);

    ASSERT_EQ(uctl(u, SRM, a), 0);
    ASSERT_EQ(uctl(u, SNUM, &n), 0);
    EXPECT_EQ(n, 1);
    EXPECT_EQ(uctl(u, SRM, a), -1);  // not attached any more
    EXPECT_EQ(errno, ENOENT);
    ufree(a);
    ufree(u);  // frees b with it
    EXPECT_EQ(usize(b), -1);
}

TEST(XioUctl, RefusesLoopsAndDoubleAttachment) {
    char* u = ualloc(1);
    char* c = ualloc(1);
    char* other = ualloc(1);
    ASSERT_EQ(uctl(u, SADD, c), 0);
    EXPECT_EQ(uctl(other, SADD, c), -1);  // already attached to u
    EXPECT_EQ(errno, EINVAL);
    EXPECT_EQ(uctl(c, SADD, u), -1);  // u would hang below itself
    EXPECT_EQ(errno, EINVAL);
    EXPECT_EQ(uctl(u, SADD, u), -1);
    ufree(other);
    ufree(u);
}

TEST(XioUctl, HoldsAtMostSixteenControls) {
    char* u = ualloc(1);
    for (int i = 0; i < 16; ++i)
        ASSERT_EQ(uctl(u, SADD, ualloc(i)), 0);
    char* extra = ualloc(1);
    errno = 0;
    EXPECT_EQ(uctl(u, SADD, extra), -1);
    EXPECT_EQ(errno, EFBIG);
    ufree(extra);
    ufree(u);
}

TEST(XioUctl, SwitchMovesAndCopyDuplicates) {
    char* from = ualloc(1);
    char* to = ualloc(1);
    char* copy_target = ualloc(1);
    char* c = ualloc(4);
    std::memcpy(c, "rout", 4);
    ASSERT_EQ(uctl(from, SADD, c), 0);

    ASSERT_EQ(uctl(from, SCOPY, copy_target), 0);
    char* copied = nullptr;
    ASSERT_EQ(uctl(copy_target, SFIRST, &copied), 0);
    EXPECT_NE(copied, c);
    ASSERT_EQ(usize(copied), 4);
    EXPECT_EQ(std::memcmp(copied, "rout", 4), 0);

    ASSERT_EQ(uctl(from, SSWITCH, to), 0);
    int n = -1;
    uctl(from, SNUM, &n);
    EXPECT_EQ(n, 0);
    char* moved = nullptr;
    ASSERT_EQ(uctl(to, SFIRST, &moved), 0);
    EXPECT_EQ(moved, c);
    ufree(from);
    ufree(to);
    ufree(copy_target);
    EXPECT_EQ(usize(c), -1);
}

TEST(XioUctl, UnknownOperationAndNullArgumentAreEinval) {
    char* u = ualloc(1);
    int n;
    errno = 0;
    EXPECT_EQ(uctl(u, 99, &n), -1);
    EXPECT_EQ(errno, EINVAL);
    errno = 0;
    EXPECT_EQ(uctl(u, SNUM, nullptr), -1);
    EXPECT_EQ(errno, EINVAL);
    ufree(u);
}

TEST(XioUctl, FreeingAnAttachedControlDetachesIt) {
    char* u = ualloc(1);
    char* c = ualloc(1);
    ASSERT_EQ(uctl(u, SADD, c), 0);
    ufree(c);
    int n = -1;
    ASSERT_EQ(uctl(u, SNUM, &n), 0);
    EXPECT_EQ(n, 0);
    ufree(u);
}

} // namespace
