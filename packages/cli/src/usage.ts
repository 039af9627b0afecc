/** The `kofi --help` text; the admin actions' lines come from their table. */
export function actionsUsage(adminUsage: string, keeperUsage = ""): string {
  return `Usage: kofi <command> [arguments] [options]

Commands
  status                    protocol state: rate, APR, TVL, fee, pauses, validators
  addresses                 package, kAPT/stkAPT metadata, protocol account, vault store
  balance <addr>            a position: balances, stkAPT value, tickets
  deposit <apt> [--stake]   deposit APT for kAPT (--stake: deposit_and_stake, stkAPT out)
  stake <kapt>              stake kAPT for stkAPT
  unstake <stkapt>          unstake stkAPT for kAPT
  request <kapt>            burn kAPT, open a withdrawal ticket
  tickets [addr]            withdrawal tickets (default: the key's account)
  claim [ticket...] | --all claim ready tickets (at most 20 at once)
  transfer <kAPT|stkAPT> <amount> <to>
                            send kAPT or stkAPT
  exit <amount> [--token kAPT|stkAPT] [--best | --venue <id>]
                            instant exit through DEXes (lists options; --best/--venue swaps)
  validators [--propose] [--max-share-bps <n>] [--previous <file>] [--history <file>]
                            the protocol's pools scored (performance, commission, concentration,
                            allowlist); --propose prints the set_weights call it would send and its
                            effect on the expected APR (never signs; default max share 5000 bps);
                            --previous: an earlier --json output, for the observed reward rates;
                            --history: a kofi keeper --state file, for earlier epochs' proposals
  admin <action> ...        operator actions (admin key), each simulated and shown before signing:
${adminUsage}
${keeperUsage}

Options
  --network <name>          mainnet | testnet | devnet | local | custom (default: local, or KOFI_NETWORK)
  --node-url <url>          fullnode URL including /v1 (or KOFI_NODE_URL)
  --kofi-address <addr>     Kofi package address (or KOFI_ADDRESS; required outside local)
  --key-file <path>         file holding the private key (otherwise KOFI_PRIVATE_KEY)
  --slippage-bps <n>        slippage tolerance for min_out (default 50)
  --json                    machine-readable result on stdout (progress stays on stderr)
  -h, --help                this text

Exit codes: 0 ok, 2 usage, 1 unknown, 10+ per error code (see README).`;
}
