package main

// The CPU kernel and the checksum, exactly as concur's JVM side defines them
// (src/main/java/dev/concur/workload/CpuWork.java, kernel v2): 32-bit xorshift 13/17/5, a
// multiply by 0x2545F491, MurmurHash3's fmix32. uint32 arithmetic wraps mod 2^32 in Go, as the
// JVM's int does, so every task returns the same value in both.

const (
	golden = 0x9E3779B9
	seed   = 0x5DEECE66
	mul    = 0x2545F491
)

func fmix32(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85EBCA6B
	h ^= h >> 13
	h *= 0xC2B2AE35
	h ^= h >> 16
	return h
}

// kernel runs rounds rounds from x and finalises.
func kernel(x uint32, rounds uint64) uint32 {
	for r := uint64(0); r < rounds; r++ {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		x *= mul
	}
	return fmix32(x)
}

// value is what task i returns after rounds rounds of work.
func value(i int, rounds uint64) uint32 {
	return kernel(uint32(i+1)*golden^seed, rounds)
}

// term is what task i returning v adds to a batch's checksum (the sum, mod 2^32).
func term(i int, v uint32) uint32 {
	return fmix32(v ^ fmix32(uint32(i)))
}
