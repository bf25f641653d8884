module concur.dev/peer

go 1.19
