/// The stkAPT vault: kAPT in, stkAPT shares out, with internal accounting only (donations to the vault store
/// do not move the rate), virtual assets and shares, dead seed shares, and linear streaming of rewards.
module kofi::vault {
    use std::error;
    use std::signer;
    use aptos_framework::event;
    use aptos_framework::primary_fungible_store;
    use aptos_framework::timestamp;
    use kofi::config;
    use kofi::kapt;
    use kofi::stkapt;

    /// The amount is too small to mint or redeem any share.
    const E_ZERO_SHARES: u64 = 1;
    /// The vault has not been seeded yet.
    const E_NOT_SEEDED: u64 = 2;
    /// The vault is already seeded.
    const E_ALREADY_SEEDED: u64 = 3;
    /// The vault seed is below MIN_VAULT_SEED.
    const E_SEED_TOO_SMALL: u64 = 4;

    /// Virtual kAPT added to the vault's assets in every conversion.
    const VIRTUAL_ASSETS: u64 = 100000000;
    /// Virtual shares added to the share supply in every conversion.
    const VIRTUAL_SHARES: u64 = 100000000;
    /// Smallest vault seed (1 APT).
    const MIN_VAULT_SEED: u64 = 100000000;

    /// Vault accounting, stored at `@kofi`. The kAPT itself sits in the protocol account's primary store.
    struct Vault has key {
        total_kapt: u64,
        total_shares: u64,
        dead_shares: u64,
        stream_amount: u64,
        stream_released: u64,
        stream_start: u64,
        stream_end: u64,
    }

    #[event]
    /// kAPT was staked for stkAPT.
    struct Staked has drop, store {
        user: address,
        kapt_amount: u64,
        stkapt_minted: u64,
    }

    #[event]
    /// stkAPT was redeemed for kAPT.
    struct Unstaked has drop, store {
        user: address,
        stkapt_burned: u64,
        kapt_amount: u64,
    }

    #[event]
    /// The vault was seeded with dead shares held by nobody.
    struct VaultSeeded has drop, store {
        kapt_amount: u64,
        dead_shares: u64,
    }

    fun init_module(kofi: &signer) {
        move_to(kofi, Vault {
            total_kapt: 0,
            total_shares: 0,
            dead_shares: 0,
            stream_amount: 0,
            stream_released: 0,
            stream_start: 0,
            stream_end: 0,
        });
    }

    // ---------------------------------------------------------------- streaming

    /// Part of the stream released by `now` and not yet moved into `total_kapt`.
    fun released_at(v: &Vault, now: u64): u64 {
        if (v.stream_amount == 0) return 0;
        let duration = v.stream_end - v.stream_start;
        let vested = if (duration == 0 || now >= v.stream_end) {
            v.stream_amount
        } else if (now <= v.stream_start) {
            0
        } else {
            (((v.stream_amount as u128) * ((now - v.stream_start) as u128) / (duration as u128)) as u64)
        };
        if (vested > v.stream_released) { vested - v.stream_released } else { 0 }
    }

    /// Moves the part of the stream released by `now` into `total_kapt`.
    public(package) fun release_stream(now: u64) acquires Vault {
        let v = borrow_global_mut<Vault>(@kofi);
        let released = released_at(v, now);
        v.stream_released = v.stream_released + released;
        v.total_kapt = v.total_kapt + released;
    }

    /// Adds `amount` kAPT (already minted into the vault store) to the stream: the unreleased remainder plus
    /// `amount` streams from `now` to `now + duration`. Returns the new stream end.
    public(package) fun add_stream(now: u64, amount: u64, duration: u64): u64 acquires Vault {
        release_stream(now);
        let v = borrow_global_mut<Vault>(@kofi);
        let unreleased = v.stream_amount - v.stream_released;
        v.stream_amount = unreleased + amount;
        v.stream_released = 0;
        v.stream_start = now;
        v.stream_end = now + duration;
        v.stream_end
    }

    // ---------------------------------------------------------------- conversions

    /// Vault assets at `now`: released kAPT plus the part of the stream released by `now`.
    public(package) fun assets(now: u64): u64 acquires Vault {
        let v = borrow_global<Vault>(@kofi);
        v.total_kapt + released_at(v, now)
    }

    /// kAPT still streaming at `now`.
    public(package) fun streaming(now: u64): u64 acquires Vault {
        let v = borrow_global<Vault>(@kofi);
        v.stream_amount - v.stream_released - released_at(v, now)
    }

    /// kAPT per stkAPT as a fraction: (assets + VIRTUAL_ASSETS, total_shares + VIRTUAL_SHARES).
    public(package) fun exchange_rate(now: u64): (u128, u128) acquires Vault {
        let v = borrow_global<Vault>(@kofi);
        (
            (v.total_kapt as u128) + (released_at(v, now) as u128) + (VIRTUAL_ASSETS as u128),
            (v.total_shares as u128) + (VIRTUAL_SHARES as u128)
        )
    }

    /// floor(kapt * (total_shares + VIRTUAL_SHARES) / (assets + VIRTUAL_ASSETS)).
    public(package) fun kapt_to_shares(kapt_amount: u64, now: u64): u64 acquires Vault {
        let (num, den) = exchange_rate(now);
        (((kapt_amount as u128) * den / num) as u64)
    }

    /// floor(shares * (assets + VIRTUAL_ASSETS) / (total_shares + VIRTUAL_SHARES)).
    public(package) fun shares_to_kapt(shares: u64, now: u64): u64 acquires Vault {
        let (num, den) = exchange_rate(now);
        (((shares as u128) * num / den) as u64)
    }

    /// stkAPT that staking `kapt_amount` would mint at `now`; aborts E_NOT_SEEDED or E_ZERO_SHARES like `stake`.
    public(package) fun quote_stake(kapt_amount: u64, now: u64): u64 acquires Vault {
        assert_seeded();
        let shares = kapt_to_shares(kapt_amount, now);
        assert!(shares > 0, error::invalid_argument(E_ZERO_SHARES));
        shares
    }

    /// kAPT that unstaking `shares` would pay at `now`; aborts E_ZERO_SHARES like `unstake`.
    public(package) fun quote_unstake(shares: u64, now: u64): u64 acquires Vault {
        let kapt_amount = shares_to_kapt(shares, now);
        assert!(kapt_amount > 0, error::invalid_argument(E_ZERO_SHARES));
        kapt_amount
    }

    // ---------------------------------------------------------------- state changes

    /// Aborts E_NOT_SEEDED unless the vault has been seeded.
    public(package) fun assert_seeded() acquires Vault {
        assert!(is_seeded(), error::invalid_state(E_NOT_SEEDED));
    }

    /// Checks a vault seed of `amount`: E_SEED_TOO_SMALL, then E_ALREADY_SEEDED.
    public(package) fun assert_can_seed(amount: u64) acquires Vault {
        assert!(amount >= MIN_VAULT_SEED, error::invalid_argument(E_SEED_TOO_SMALL));
        assert!(!is_seeded(), error::already_exists(E_ALREADY_SEEDED));
    }

    /// Books `kapt_amount` kAPT, already minted into the vault store, as dead shares held by nobody.
    public(package) fun seed(kapt_amount: u64) acquires Vault {
        let now = timestamp::now_seconds();
        release_stream(now);
        let shares = kapt_to_shares(kapt_amount, now);
        assert!(shares > 0, error::invalid_argument(E_ZERO_SHARES));
        let v = borrow_global_mut<Vault>(@kofi);
        v.total_kapt = v.total_kapt + kapt_amount;
        v.total_shares = v.total_shares + shares;
        v.dead_shares = v.dead_shares + shares;
        event::emit(VaultSeeded { kapt_amount, dead_shares: shares });
    }

    /// Stakes `kapt_amount` kAPT from `user`'s primary store; mints stkAPT to the user. Returns the shares.
    public(package) fun stake_from(user: &signer, kapt_amount: u64): u64 acquires Vault {
        let shares = book_stake(signer::address_of(user), kapt_amount);
        primary_fungible_store::transfer(user, kapt::metadata(), config::protocol_address(), kapt_amount);
        shares
    }

    /// Stakes `kapt_amount` kAPT already minted into the vault store for `user`. Returns the shares.
    public(package) fun stake_minted(user: address, kapt_amount: u64): u64 acquires Vault {
        book_stake(user, kapt_amount)
    }

    fun book_stake(user: address, kapt_amount: u64): u64 acquires Vault {
        assert_seeded();
        let now = timestamp::now_seconds();
        release_stream(now);
        let shares = kapt_to_shares(kapt_amount, now);
        assert!(shares > 0, error::invalid_argument(E_ZERO_SHARES));
        let v = borrow_global_mut<Vault>(@kofi);
        v.total_kapt = v.total_kapt + kapt_amount;
        v.total_shares = v.total_shares + shares;
        stkapt::mint_to(user, shares);
        event::emit(Staked { user, kapt_amount, stkapt_minted: shares });
        shares
    }

    /// Burns `shares` stkAPT of `user` and pays the kAPT out of the vault store to the user. Returns the kAPT.
    public(package) fun unstake(user: &signer, shares: u64): u64 acquires Vault {
        let user_addr = signer::address_of(user);
        let now = timestamp::now_seconds();
        release_stream(now);
        let kapt_amount = shares_to_kapt(shares, now);
        assert!(kapt_amount > 0, error::invalid_argument(E_ZERO_SHARES));
        stkapt::burn_from_signer(user, shares);
        let v = borrow_global_mut<Vault>(@kofi);
        v.total_shares = v.total_shares - shares;
        v.total_kapt = v.total_kapt - kapt_amount;
        primary_fungible_store::transfer(&config::protocol_signer(), kapt::metadata(), user_addr, kapt_amount);
        event::emit(Unstaked { user: user_addr, stkapt_burned: shares, kapt_amount });
        kapt_amount
    }

    // ---------------------------------------------------------------- getters

    /// Whether the vault has been seeded.
    public(package) fun is_seeded(): bool acquires Vault { borrow_global<Vault>(@kofi).dead_shares > 0 }

    /// Shares held by users: total_shares - dead_shares (the stkAPT supply).
    public(package) fun user_shares(): u64 acquires Vault {
        let v = borrow_global<Vault>(@kofi);
        v.total_shares - v.dead_shares
    }

    /// kAPT of the current stream, released part included (0 before the first sync that streamed rewards).
    public(package) fun stream_amount(): u64 acquires Vault { borrow_global<Vault>(@kofi).stream_amount }

    /// Start of the current stream (seconds).
    public(package) fun stream_start(): u64 acquires Vault { borrow_global<Vault>(@kofi).stream_start }

    /// End of the current stream (seconds).
    public(package) fun stream_end(): u64 acquires Vault { borrow_global<Vault>(@kofi).stream_end }

    #[test_only]
    /// Runs `init_module` in unit tests.
    public fun init_for_test(kofi: &signer) {
        init_module(kofi);
    }

    #[test_only]
    /// Raw vault counters for tests: (total_kapt, total_shares, dead_shares, stream_amount, stream_released).
    public fun counters_for_test(): (u64, u64, u64, u64, u64) acquires Vault {
        let v = borrow_global<Vault>(@kofi);
        (v.total_kapt, v.total_shares, v.dead_shares, v.stream_amount, v.stream_released)
    }
}
