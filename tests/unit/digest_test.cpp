#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>

#include "cohort/hashing/crc32.hpp"
#include "cohort/hashing/hex.hpp"
#include "cohort/hashing/md5.hpp"
#include "cohort/hashing/sha256.hpp"

namespace cohort {
namespace {

// UTF-8 bytes spelled out, because the test must not depend on the
// compiler's source and execution character sets.
// "Grüße, 世界 🎲" (20 bytes).
const std::string kUtf8Text =
    "Gr\xc3\xbc\xc3\x9f"
    "e, \xe4\xb8\x96\xe7\x95\x8c \xf0\x9f\x8e\xb2";
// "é" (U+00E9), two bytes.
const std::string kEAcute = "\xc3\xa9";

TEST(HexTest, LowercaseTwoDigitsPerByte) {
  const std::array<std::uint8_t, 5> bytes = {0x00, 0x0f, 0xa0, 0xff, 0x5c};
  EXPECT_EQ(to_hex(bytes), "000fa0ff5c");
  EXPECT_EQ(to_hex(std::span<const std::uint8_t>{}), "");
}

TEST(HexTest, SixteenDigitsOfAWordMostSignificantFirst) {
  std::string out = "x";
  append_hex(0x0123456789abcdefu, out);
  append_hex(0, out);
  append_hex(0xffffffffffffffffu, out);
  append_hex(0xfedcba9876543210u, out);
  EXPECT_EQ(out,
            "x0123456789abcdef0000000000000000ffffffffffffffff"
            "fedcba9876543210");
}

// Every digit in every position, against printf's %016llx (the C library's
// own hex), over a walk of 10,000 words from a 64-bit LCG (Knuth's MMIX).
TEST(HexTest, AgreesWithPrintf) {
  std::uint64_t x = 1;
  for (int i = 0; i < 10'000; ++i) {
    x = x * 6364136223846793005u + 1442695040888963407u;
    std::string ours;
    append_hex(x, ours);
    char theirs[17];
    std::snprintf(theirs, sizeof theirs, "%016llx", static_cast<unsigned long long>(x));
    ASSERT_EQ(ours, theirs) << i;
  }
}

// RFC 1321, appendix A.5 ("test suite").
TEST(Md5Test, Rfc1321TestSuite) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("a"), "0cc175b9c0f1b6a831c399e269772661");
  EXPECT_EQ(md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(md5_hex("message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(md5_hex("abcdefghijklmnopqrstuvwxyz"), "c3fcd3d76192e4007dfb496cca67e13b");
  EXPECT_EQ(md5_hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
            "d174ab98d277d9f5a5611c2c9f419d9f");
  EXPECT_EQ(md5_hex("1234567890123456789012345678901234567890"
                    "1234567890123456789012345678901234567890"),
            "57edf4a22be3c955ac49da2e2107b67a");
}

TEST(Md5Test, RawDigestMatchesHex) {
  const std::array<std::uint8_t, 16> digest = md5("abc");
  EXPECT_EQ(digest[0], 0x90);
  EXPECT_EQ(digest[15], 0x72);
  EXPECT_EQ(to_hex(digest), md5_hex("abc"));
}

// Lengths where padding needs one block (55), spills into a second (56, 63),
// or follows whole blocks (64, 65). Expected values from Python 3:
// hashlib.md5(<bytes>).hexdigest(), with <bytes> as commented.
TEST(Md5Test, BlockBoundaries) {
  // b'a' * 55
  EXPECT_EQ(md5_hex(std::string(55, 'a')), "ef1772b6dff9a122358552954ad0df65");
  // b'a' * 56
  EXPECT_EQ(md5_hex(std::string(56, 'a')), "3b0c8ac703f828b04c6c197006d17218");
  // b'a' * 63
  EXPECT_EQ(md5_hex(std::string(63, 'a')), "b06521f39153d618550606be297466d5");
  // b'a' * 64
  EXPECT_EQ(md5_hex(std::string(64, 'a')), "014842d480b571495a4a0363793f7367");
  // b'a' * 65
  EXPECT_EQ(md5_hex(std::string(65, 'a')), "c743a45e0d2e6a95cb859adae0248435");
}

// Expected values from Python 3: hashlib.md5(<bytes>).hexdigest().
TEST(Md5Test, NonAsciiUtf8) {
  // 'Grüße, 世界 🎲'.encode()
  EXPECT_EQ(md5_hex(kUtf8Text), "5027545089a0d33fef2cfa6fa2a68c91");
  // b'a' * 54 + 'é'.encode(): 56 bytes
  EXPECT_EQ(md5_hex(std::string(54, 'a') + kEAcute), "1c3d717bcc21bc0faa73d3a33ae54aed");
  // b'a' * 63 + 'é'.encode(): the two bytes of "é" straddle the first block
  EXPECT_EQ(md5_hex(std::string(63, 'a') + kEAcute), "45179c3d400dfe252e7becec042f760a");
}

// FIPS 180-4 examples (as in RFC 6234 section 8.5 and NIST's example pages).
TEST(Sha256Test, FipsVectors) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 448 bits
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // 896 bits
  EXPECT_EQ(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                       "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  // one million 'a'
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, Empty) {
  // hashlib.sha256(b'').hexdigest()
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256Test, RawDigestMatchesHex) {
  const std::array<std::uint8_t, 32> digest = sha256("abc");
  EXPECT_EQ(digest[0], 0xba);
  EXPECT_EQ(digest[31], 0xad);
  EXPECT_EQ(to_hex(digest), sha256_hex("abc"));
}

// Expected values from Python 3: hashlib.sha256(<bytes>).hexdigest().
TEST(Sha256Test, BlockBoundaries) {
  // b'a' * 55
  EXPECT_EQ(sha256_hex(std::string(55, 'a')),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  // b'a' * 56
  EXPECT_EQ(sha256_hex(std::string(56, 'a')),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  // b'a' * 63
  EXPECT_EQ(sha256_hex(std::string(63, 'a')),
            "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
  // b'a' * 64
  EXPECT_EQ(sha256_hex(std::string(64, 'a')),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  // b'a' * 65
  EXPECT_EQ(sha256_hex(std::string(65, 'a')),
            "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
}

// Expected values from Python 3: hashlib.sha256(<bytes>).hexdigest().
TEST(Sha256Test, NonAsciiUtf8) {
  // 'Grüße, 世界 🎲'.encode()
  EXPECT_EQ(sha256_hex(kUtf8Text),
            "412ff9069a52bcd1767f513159c1c48d180ab96ed948e24307556c328a67f541");
  // b'a' * 54 + 'é'.encode()
  EXPECT_EQ(sha256_hex(std::string(54, 'a') + kEAcute),
            "ec932f92242e6d3091e83bc2b7dfb62d2afe3810bb91a8f15cf75732a727c453");
  // b'a' * 63 + 'é'.encode()
  EXPECT_EQ(sha256_hex(std::string(63, 'a') + kEAcute),
            "d61e99f505cec3b57227f241630b4226fb24a7ab8f4c5b83aec1aab8b9e9044f");
}

TEST(Crc32Test, CheckValue) {
  // The catalogue check value of CRC-32/ISO-HDLC.
  EXPECT_EQ(crc32("123456789"), 0xCBF43926u);
  // zlib.crc32(b'') -- the initial and final inversions cancel.
  EXPECT_EQ(crc32(""), 0u);
  // zlib.crc32(b'The quick brown fox jumps over the lazy dog')
  EXPECT_EQ(crc32("The quick brown fox jumps over the lazy dog"), 0x414FA339u);
}

// CRC-32 has no blocks, but the same inputs guard the byte loop and the
// unsigned handling of bytes >= 0x80. Expected values from Python 3:
// zlib.crc32(<bytes>).
TEST(Crc32Test, SameInputsAsTheDigests) {
  // b'a' * 55
  EXPECT_EQ(crc32(std::string(55, 'a')), 0xAADFE34Eu);
  // b'a' * 56
  EXPECT_EQ(crc32(std::string(56, 'a')), 0x79790D37u);
  // b'a' * 63
  EXPECT_EQ(crc32(std::string(63, 'a')), 0x6824C5DEu);
  // b'a' * 64
  EXPECT_EQ(crc32(std::string(64, 'a')), 0x89B46555u);
  // b'a' * 65
  EXPECT_EQ(crc32(std::string(65, 'a')), 0xF33FAF5Du);
  // 'Grüße, 世界 🎲'.encode()
  EXPECT_EQ(crc32(kUtf8Text), 0xDCEA9242u);
  // b'a' * 63 + 'é'.encode()
  EXPECT_EQ(crc32(std::string(63, 'a') + kEAcute), 0xFAB13BB4u);
}

}  // namespace
}  // namespace cohort
