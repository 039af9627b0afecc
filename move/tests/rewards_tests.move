#[test_only]
/// Tests of `kofi::rewards`: fees, streaming over the next epoch, reward sniping, no-staker rewards.
module kofi::rewards_tests {
    use kofi::config;
    use kofi::gateway;
    use kofi::kapt;
    use kofi::rewards;
    use kofi::staking_manager;
    use kofi::stkapt;
    use kofi::test_helpers;
    use kofi::vault;
    use kofi::withdrawals;

    const ONE: u64 = 100000000;

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_rewards_are_streamed_and_fee_goes_to_treasury(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        config::set_treasury(kofi, @0x7EA);
        test_helpers::fund(alice, 1000 * ONE);
        gateway::deposit_and_stake(alice, 500 * ONE, 0);
        test_helpers::end_epoch();
        let (num_before, den_before) = gateway::exchange_rate();
        rewards::sync_rewards(alice);
        let (_, total_rewards, total_fees) = rewards::totals();
        assert!(total_rewards > 0, 0);
        assert!(total_fees == total_rewards * 1000 / 10000, 1);
        assert!(kapt::balance(@0x7EA) == total_fees, 2);
        // nothing is released at the sync itself: the rate does not jump
        let (num_now, den_now) = gateway::exchange_rate();
        assert!(num_now == num_before && den_now == den_before, 3);
        // half an epoch later about half is released, a full epoch later all of it
        let streamed = total_rewards - total_fees;
        test_helpers::advance(test_helpers::epoch_interval_secs() / 2);
        let (num_half, _) = gateway::exchange_rate();
        assert!(num_half == num_before + (streamed as u128) / 2, 4);
        test_helpers::advance(test_helpers::epoch_interval_secs());
        let (num_full, _) = gateway::exchange_rate();
        assert!(num_full == num_before + (streamed as u128), 5);
        // accounting: controlled APT covers every liability
        assert!(
            staking_manager::controlled_apt() >= kapt::supply() + withdrawals::liabilities() + staking_manager::protocol_equity(),
            6
        );
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE, sniper = @0x5111)]
    fun test_reward_sniping_around_epoch_boundary(aptos_framework: &signer, kofi: &signer, alice: &signer, sniper: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 1000 * ONE);
        test_helpers::fund(sniper, 10000 * ONE);
        gateway::deposit_and_stake(alice, 500 * ONE, 0);
        test_helpers::end_epoch();
        rewards::sync_rewards(alice);
        test_helpers::advance(test_helpers::epoch_interval_secs());
        // an epoch ends: rewards are in the pools but not booked yet
        test_helpers::end_epoch();
        gateway::deposit(sniper, 5000 * ONE, 0);
        let kapt_in = kapt::balance(@0x5111);
        // the sniper stakes right at the boundary (this transaction books the rewards) ...
        gateway::stake(sniper, kapt_in, 0);
        // ... and leaves right after: the new rewards are still streaming, so nothing is captured
        gateway::unstake(sniper, stkapt::balance(@0x5111), 0);
        assert!(kapt::balance(@0x5111) <= kapt_in, 0);
        // the long-term staker does get them once the stream has run
        test_helpers::advance(test_helpers::epoch_interval_secs());
        let value = vault::shares_to_kapt(stkapt::balance(@0xA11CE), aptos_framework::timestamp::now_seconds());
        assert!(value > 495 * ONE, 1);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_rewards_without_stakers_go_to_treasury(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 1000 * ONE);
        gateway::deposit(alice, 500 * ONE, 0);
        test_helpers::end_epoch();
        let (num_before, den_before) = gateway::exchange_rate();
        rewards::sync_rewards(alice);
        let (_, total_rewards, _) = rewards::totals();
        assert!(total_rewards > 0, 0);
        // only dead shares in the vault: everything goes to the treasury (the admin by default)
        assert!(kapt::balance(@kofi) == total_rewards, 1);
        test_helpers::advance(test_helpers::epoch_interval_secs());
        let (num_after, den_after) = gateway::exchange_rate();
        assert!(num_after == num_before && den_after == den_before, 2);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_sync_is_idempotent(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 1000 * ONE);
        gateway::deposit_and_stake(alice, 500 * ONE, 0);
        test_helpers::end_epoch();
        rewards::sync_rewards(alice);
        let (_, first, _) = rewards::totals();
        rewards::sync_rewards(alice);
        let (_, second, _) = rewards::totals();
        assert!(first == second, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_zero_fee(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        config::set_fee_bps(kofi, 0);
        test_helpers::fund(alice, 1000 * ONE);
        gateway::deposit_and_stake(alice, 500 * ONE, 0);
        test_helpers::end_epoch();
        rewards::sync_rewards(alice);
        let (_, total_rewards, total_fees) = rewards::totals();
        assert!(total_rewards > 0 && total_fees == 0, 0);
        assert!(kapt::balance(@kofi) == 0, 1);
    }
}
