#[test_only]
/// Shared setup for the Kofi unit tests: the framework's delegation-pool test environment (1 % rewards per
/// epoch, 1 h lockup cycles, 60 s epochs), three active validators with delegation pools, and the protocol
/// initialised with those pools (weights 50/30/20 %) and a seeded vault.
module kofi::test_helpers {
    use std::signer;
    use std::vector;
    use aptos_framework::account;
    use aptos_framework::block;
    use aptos_framework::delegation_pool;
    use aptos_framework::stake;
    use aptos_framework::timestamp;
    use kofi::gateway;
    use kofi::staking_manager;

    /// One APT in octas.
    const ONE_APT: u64 = 100000000;
    /// Recurring lockup of the test validators.
    const LOCKUP_SECS: u64 = 3600;
    /// Epoch interval of the test chain.
    const EPOCH_INTERVAL_SECS: u64 = 60;
    /// Effectively unlimited pool cap.
    const NO_CAP: u64 = 18446744073709551615;

    /// One APT in octas.
    public fun one_apt(): u64 { ONE_APT }

    /// Recurring lockup of the test validators.
    public fun lockup_secs(): u64 { LOCKUP_SECS }

    /// Epoch interval of the test chain.
    public fun epoch_interval_secs(): u64 { EPOCH_INTERVAL_SECS }

    /// Framework only: stake, coin, reconfiguration, features, timestamp and block resources.
    public fun setup_framework(aptos_framework: &signer) {
        setup_framework_with_max_stake(aptos_framework, 10000000 * ONE_APT);
    }

    /// `setup_framework` with the stake pools' maximum stake set to `maximum_stake`.
    public fun setup_framework_with_max_stake(aptos_framework: &signer, maximum_stake: u64) {
        delegation_pool::initialize_for_test_custom(
            aptos_framework,
            100 * ONE_APT,          // minimum validator stake
            maximum_stake,
            LOCKUP_SECS,
            true,                   // validator set may change
            1,                      // rewards: 1 % per epoch
            100,
            1000000,                // voting power increase limit (%)
        );
        block::initialize_for_test(aptos_framework, EPOCH_INTERVAL_SECS * 1000000);
    }

    /// Creates an account (if needed) and mints `amount` APT to it.
    public fun fund(account: &signer, amount: u64) {
        let addr = signer::address_of(account);
        if (!account::exists_at(addr)) {
            account::create_account_for_test(addr);
        };
        stake::mint(account, amount);
    }

    /// Creates a validator at `addr` with a delegation pool holding 1000 APT of its own, joining the set.
    public fun create_validator(addr: address, commission_bps: u64): address {
        let validator = account::create_signer_for_test(addr);
        delegation_pool::initialize_test_validator_custom(&validator, 1000 * ONE_APT, true, false, commission_bps);
        delegation_pool::get_owned_pool_address(addr)
    }

    /// Creates a delegation pool at `addr` that never joins the validator set.
    public fun create_inactive_pool(addr: address): address {
        let validator = account::create_signer_for_test(addr);
        delegation_pool::initialize_test_validator_custom(&validator, 0, false, false, 0);
        delegation_pool::get_owned_pool_address(addr)
    }

    /// Framework plus three active validators; the protocol modules are initialised but hold no pool yet.
    public fun setup_unconfigured(aptos_framework: &signer, kofi: &signer): vector<address> {
        setup_framework(aptos_framework);
        setup_validators_and_protocol(kofi)
    }

    /// `setup` with the stake pools' maximum stake set to `maximum_stake`.
    public fun setup_with_max_stake(aptos_framework: &signer, kofi: &signer, maximum_stake: u64): vector<address> {
        setup_framework_with_max_stake(aptos_framework, maximum_stake);
        let pools = setup_validators_and_protocol(kofi);
        add_pools(kofi, &pools);
        staking_manager::set_weights(kofi, pools, vector[5000, 3000, 2000]);
        gateway::seed_vault(kofi, ONE_APT);
        pools
    }

    /// Three active validators (owners 0xA1, 0xA2, 0xA3; commissions 0, 10 %, 5 %) and the protocol initialised.
    fun setup_validators_and_protocol(kofi: &signer): vector<address> {
        let pools = vector[
            create_validator(@0xA1, 0),
            create_validator(@0xA2, 1000),
            create_validator(@0xA3, 500),
        ];
        delegation_pool::end_aptos_epoch();
        account::create_account_for_test(signer::address_of(kofi));
        gateway::init_for_test(kofi);
        fund(kofi, 10000 * ONE_APT);
        pools
    }

    /// Full setup: three pools seeded with 11 APT each, weights 50/30/20 %, vault seeded with 1 APT.
    public fun setup(aptos_framework: &signer, kofi: &signer): vector<address> {
        let pools = setup_unconfigured(aptos_framework, kofi);
        add_pools(kofi, &pools);
        staking_manager::set_weights(kofi, pools, vector[5000, 3000, 2000]);
        gateway::seed_vault(kofi, ONE_APT);
        pools
    }

    /// Adds every pool of `pools` with an 11 APT seed and no cap.
    public fun add_pools(kofi: &signer, pools: &vector<address>) {
        let i = 0;
        while (i < vector::length(pools)) {
            staking_manager::add_pool(kofi, *vector::borrow(pools, i), NO_CAP, 11 * ONE_APT);
            i = i + 1;
        };
    }

    /// Ends one epoch (rewards are paid on active stake, pending_active becomes active).
    public fun end_epoch() {
        delegation_pool::end_aptos_epoch();
    }

    /// Lets every validator's lockup expire and ends an epoch, so pending_inactive stake becomes inactive.
    public fun end_lockup() {
        timestamp::fast_forward_seconds(LOCKUP_SECS);
        delegation_pool::end_aptos_epoch();
    }

    /// Moves the clock forward without ending an epoch.
    public fun advance(secs: u64) {
        timestamp::fast_forward_seconds(secs);
    }
}
