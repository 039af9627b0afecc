#[test_only]
/// Tests of `kofi::vault`: first-depositor / inflation and donation attacks, rounding, zero shares.
module kofi::vault_tests {
    use aptos_framework::aptos_account;
    use aptos_framework::primary_fungible_store;
    use kofi::config;
    use kofi::gateway;
    use kofi::kapt;
    use kofi::rewards;
    use kofi::stkapt;
    use kofi::test_helpers;
    use kofi::vault;

    const ONE: u64 = 100000000;

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, attacker = @0xBAD, victim = @0xA11CE)]
    fun test_inflation_attack_fails(aptos_framework: &signer, kofi: &signer, attacker: &signer, victim: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(attacker, 1000 * ONE);
        test_helpers::fund(victim, 100 * ONE);
        gateway::deposit(attacker, 500 * ONE, 0);
        let (num_before, den_before) = gateway::exchange_rate();
        // the attacker mints one share unit, then donates kAPT straight to the vault store
        gateway::stake(attacker, 1, 0);
        assert!(stkapt::balance(@0xBAD) == 1, 0);
        let donation = kapt::balance(@0xBAD);
        primary_fungible_store::transfer(attacker, kapt::metadata(), config::protocol_address(), donation);
        // internal accounting: the donation does not move the rate
        let (num_after, den_after) = gateway::exchange_rate();
        assert!(num_after == num_before + 1 && den_after == den_before + 1, 1);
        // the victim gets a fair number of shares and can redeem at full value
        gateway::deposit(victim, 10 * ONE, 0);
        let kapt_in = kapt::balance(@0xA11CE);
        gateway::stake(victim, kapt_in, kapt_in);
        let shares = stkapt::balance(@0xA11CE);
        assert!(shares == kapt_in, 2);
        assert!(gateway::quote_unstake(shares) == kapt_in, 3);
        // the attacker's single share is still worth one octa
        assert!(gateway::quote_unstake(1) == 1, 4);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, donor = @0xD0)]
    fun test_apt_donation_to_protocol_account_is_ignored(aptos_framework: &signer, kofi: &signer, donor: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(donor, 1000 * ONE);
        gateway::deposit_and_stake(donor, 100 * ONE, 0);
        test_helpers::end_epoch();
        rewards::sync_rewards(donor); // books the real rewards first
        let (num_before, den_before) = gateway::exchange_rate();
        let supply_before = kapt::supply();
        let (_, rewards_before, _) = rewards::totals();
        aptos_account::transfer(donor, config::protocol_address(), 500 * ONE);
        rewards::sync_rewards(donor);
        let (num_after, den_after) = gateway::exchange_rate();
        assert!(num_after == num_before && den_after == den_before, 0);
        assert!(kapt::supply() == supply_before, 1);
        let (_, rewards_after, _) = rewards::totals();
        assert!(rewards_after == rewards_before, 2);
        assert!(kofi::staking_manager::idle_apt() == 0, 3);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10001, location = kofi::vault)]
    fun test_stake_rounds_to_zero_shares(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 1000 * ONE);
        gateway::deposit_and_stake(alice, 500 * ONE, 0);
        gateway::deposit(alice, ONE, 0);
        test_helpers::end_epoch();
        rewards::sync_rewards(alice);
        test_helpers::advance(test_helpers::epoch_interval_secs());
        let (num, den) = gateway::exchange_rate();
        assert!(num > den, 0); // rewards raised the rate above 1
        gateway::stake(alice, 1, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_rounding_favours_the_vault(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 1000 * ONE);
        gateway::deposit_and_stake(alice, 500 * ONE, 0);
        test_helpers::end_epoch();
        rewards::sync_rewards(alice);
        test_helpers::advance(test_helpers::epoch_interval_secs());
        gateway::deposit(alice, 10 * ONE, 0);
        let kapt_in = kapt::balance(@0xA11CE);
        let shares_before = stkapt::balance(@0xA11CE);
        gateway::stake(alice, kapt_in, 0);
        let minted = stkapt::balance(@0xA11CE) - shares_before;
        // redeeming what was just minted never returns more than was put in
        assert!(gateway::quote_unstake(minted) <= kapt_in, 0);
        let now = aptos_framework::timestamp::now_seconds();
        assert!(vault::shares_to_kapt(vault::kapt_to_shares(kapt_in, now), now) <= kapt_in, 1);
    }
}
