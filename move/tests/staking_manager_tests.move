#[test_only]
/// Tests of `kofi::staking_manager`: the validator set, weights, caps, pool selection and unlock order.
module kofi::staking_manager_tests {
    use std::vector;
    use kofi::gateway;
    use kofi::staking_manager;
    use kofi::test_helpers;
    use kofi::withdrawals;

    const ONE: u64 = 100000000;
    const NO_CAP: u64 = 18446744073709551615;

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    fun test_add_pool_books_equity(aptos_framework: &signer, kofi: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        let pool = *vector::borrow(&pools, 0);
        staking_manager::add_pool(kofi, pool, 500 * ONE, 11 * ONE);
        assert!(staking_manager::pool_count() == 1, 0);
        let (addr, weight, cap, enabled) = staking_manager::pool_at(0);
        assert!(addr == pool && weight == 0 && cap == 500 * ONE && enabled, 1);
        // equity is what the framework credits: the seed less the add-stake fee (refunded to the pool at the
        // epoch end, pro rata to its delegators), so controlled APT covers it from the first block
        let (active, _, _) = staking_manager::pool_stake(pool);
        let fee = staking_manager::quote_add_stake_fee(pool, 11 * ONE);
        assert!(fee > 0 && active == 11 * ONE - fee, 3);
        assert!(staking_manager::protocol_equity() == active, 2);
        assert!(staking_manager::controlled_apt() >= staking_manager::protocol_equity(), 4);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x10003, location = kofi::staking_manager)]
    fun test_add_pool_not_a_delegation_pool(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        staking_manager::add_pool(kofi, @0xDEAD, NO_CAP, 11 * ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x80002, location = kofi::staking_manager)]
    fun test_add_pool_twice(aptos_framework: &signer, kofi: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        staking_manager::add_pool(kofi, *vector::borrow(&pools, 0), NO_CAP, 11 * ONE);
        staking_manager::add_pool(kofi, *vector::borrow(&pools, 0), NO_CAP, 11 * ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x10008, location = kofi::staking_manager)]
    fun test_add_pool_seed_too_small(aptos_framework: &signer, kofi: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        staking_manager::add_pool(kofi, *vector::borrow(&pools, 0), NO_CAP, 11 * ONE - 1);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x20007, location = kofi::staking_manager)]
    fun test_add_pool_too_many(aptos_framework: &signer, kofi: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        test_helpers::add_pools(kofi, &pools);
        let owners = vector[
            @0xB01, @0xB02, @0xB03, @0xB04, @0xB05, @0xB06, @0xB07,
            @0xB08, @0xB09, @0xB0A, @0xB0C, @0xB0D, @0xB0E, @0xB0F,
        ];
        let i = 0;
        while (i < vector::length(&owners)) {
            let pool = test_helpers::create_inactive_pool(*vector::borrow(&owners, i));
            // the 17th pool aborts
            staking_manager::add_pool(kofi, pool, NO_CAP, 11 * ONE);
            i = i + 1;
        };
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_add_pool_not_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        staking_manager::add_pool(alice, *vector::borrow(&pools, 0), NO_CAP, 11 * ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    fun test_set_weights_keeps_unlisted(aptos_framework: &signer, kofi: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        // p1 and p2 swap 1000 bps; p3 keeps 2000
        staking_manager::set_weights(
            kofi,
            vector[*vector::borrow(&pools, 0), *vector::borrow(&pools, 1)],
            vector[4000, 4000]
        );
        let (_, w1, _, _) = staking_manager::pool_at(0);
        let (_, w2, _, _) = staking_manager::pool_at(1);
        let (_, w3, _, _) = staking_manager::pool_at(2);
        assert!(w1 == 4000 && w2 == 4000 && w3 == 2000, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x10004, location = kofi::staking_manager)]
    fun test_set_weights_bad_sum(aptos_framework: &signer, kofi: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        test_helpers::add_pools(kofi, &pools);
        staking_manager::set_weights(kofi, pools, vector[5000, 3000, 1000]);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x10005, location = kofi::staking_manager)]
    fun test_set_weights_length_mismatch(aptos_framework: &signer, kofi: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        test_helpers::add_pools(kofi, &pools);
        staking_manager::set_weights(kofi, pools, vector[5000, 5000]);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x60001, location = kofi::staking_manager)]
    fun test_set_weights_unknown_pool(aptos_framework: &signer, kofi: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        test_helpers::add_pools(kofi, &pools);
        staking_manager::set_weights(kofi, vector[@0xDEAD], vector[10000]);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x3000A, location = kofi::staking_manager)]
    fun test_set_weights_on_disabled_pool(aptos_framework: &signer, kofi: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        staking_manager::disable_pool(kofi, *vector::borrow(&pools, 2));
        staking_manager::set_weights(kofi, vector[*vector::borrow(&pools, 2)], vector[2000]);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_set_weights_not_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        staking_manager::set_weights(alice, pools, vector[5000, 3000, 2000]);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x3000B, location = kofi::staking_manager)]
    fun test_pool_caps_block_deposits(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        let i = 0;
        while (i < 3) {
            staking_manager::set_pool_cap(kofi, *vector::borrow(&pools, i), 20 * ONE);
            i = i + 1;
        };
        test_helpers::fund(alice, 100 * ONE);
        // each pool has about 9 APT of cap room: 15 APT is split, 40 APT fits nowhere
        gateway::deposit(alice, 40 * ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_pool_cap_redirects_deposit(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        // p1 would be chosen (smallest stake / weight) but its cap leaves no room
        staking_manager::set_pool_cap(kofi, *vector::borrow(&pools, 0), 20 * ONE);
        assert!(first_pool(15 * ONE) == *vector::borrow(&pools, 1), 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x30006, location = kofi::staking_manager)]
    fun test_no_weights_no_eligible_pool(aptos_framework: &signer, kofi: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        test_helpers::add_pools(kofi, &pools);
        gateway::seed_vault(kofi, 10 * ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30006, location = kofi::staking_manager)]
    fun test_inactive_validator_is_not_eligible(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        let pool = test_helpers::create_inactive_pool(@0xB01);
        staking_manager::add_pool(kofi, pool, NO_CAP, 11 * ONE);
        staking_manager::set_weights(kofi, vector[pool], vector[10000]);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 10 * ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x60001, location = kofi::staking_manager)]
    fun test_set_pool_cap_unknown_pool(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        staking_manager::set_pool_cap(kofi, @0xDEAD, ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_set_pool_cap_not_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        staking_manager::set_pool_cap(alice, *vector::borrow(&pools, 0), ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x60001, location = kofi::staking_manager)]
    fun test_disable_unknown_pool(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        staking_manager::disable_pool(kofi, @0xDEAD);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_disable_pool_not_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        staking_manager::disable_pool(alice, *vector::borrow(&pools, 0));
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_disabled_pool_is_unlocked_first(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        let p1 = *vector::borrow(&pools, 0);
        let p2 = *vector::borrow(&pools, 1);
        let p3 = *vector::borrow(&pools, 2);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 40 * ONE, 0); // goes to p1
        let (active_p3, _, _) = staking_manager::pool_stake(p3);
        assert!(active_p3 < 11 * ONE, 0);
        staking_manager::disable_pool(kofi, p1);
        staking_manager::set_weights(kofi, vector[p2, p3], vector[5000, 5000]);
        // deposits skip the disabled pool
        assert!(first_pool(ONE) != p1, 1);
        gateway::request_withdrawal(alice, 10 * ONE);
        let tickets = withdrawals::tickets_of(@0xA11CE);
        let (_, _, _, _, _, _, ticket_pools) = withdrawals::ticket_view(*vector::borrow(&tickets, 0));
        assert!(ticket_pools == vector[p1], 2);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30009, location = kofi::staking_manager)]
    fun test_insufficient_unlockable(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        staking_manager::set_weights(kofi, pools, vector[3334, 3333, 3333]);
        test_helpers::fund(alice, 100 * ONE);
        // three small deposits spread over the pools; none then holds 10 APT above its minimum
        gateway::deposit(alice, 5 * ONE, 0);
        gateway::deposit(alice, 5 * ONE, 0);
        gateway::deposit(alice, 5 * ONE, 0);
        gateway::request_withdrawal(alice, ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_unlock_stays_within_stake_pool_active(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 5000 * ONE);
        // this epoch's deposits are pending_active: each stake pool's active stake is still its validator's 1000 APT
        gateway::deposit(alice, 2000 * ONE, 0); // p1
        gateway::deposit(alice, 1200 * ONE, 0); // p2
        gateway::deposit(alice, 800 * ONE, 0); // p3
        // unlock order p3, p2, p1; p2 alone could give ~1190 APT above its minimum, but the framework's unlock
        // aborts above the stake pool's active stake, so each part stays below 1000 APT and p1 gives the rest
        gateway::request_withdrawal(alice, 2500 * ONE);
        let tickets = withdrawals::tickets_of(@0xA11CE);
        let (_, _, apt_amount, _, _, _, ticket_pools) = withdrawals::ticket_view(*vector::borrow(&tickets, 0));
        assert!(vector::length(&ticket_pools) == 3, 0);
        assert!(apt_amount <= 2500 * ONE && apt_amount + 3 >= 2500 * ONE, 1);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    fun test_rebalance_without_idle_is_a_no_op(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        let staked_before = staking_manager::total_staked_apt();
        staking_manager::rebalance(kofi);
        assert!(staking_manager::total_staked_apt() == staked_before, 0);
        assert!(staking_manager::idle_apt() == 0, 1);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_rebalance_is_permissionless(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, ONE);
        let staked_before = staking_manager::total_staked_apt();
        staking_manager::rebalance(alice);
        assert!(staking_manager::total_staked_apt() == staked_before, 0);
    }

    /// The first pool of the plan for a deposit of `amount`.
    fun first_pool(amount: u64): address {
        let (pools, _) = staking_manager::plan_deposit(amount);
        *vector::borrow(&pools, 0)
    }
}
