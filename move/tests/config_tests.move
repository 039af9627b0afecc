#[test_only]
/// Tests of `kofi::config`: two-step admin, bounded setters, pause flags, and admin-only access.
module kofi::config_tests {
    use std::option;
    use kofi::config;
    use kofi::test_helpers;

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    fun test_defaults(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        assert!(config::admin() == @kofi, 0);
        assert!(config::treasury() == @kofi, 1);
        assert!(config::fee_bps() == 1000, 2);
        assert!(config::max_fee_bps() == 2000, 3);
        assert!(config::min_deposit() == 10000000, 4);
        assert!(config::min_withdrawal() == 10000000, 5);
        assert!(!config::is_paused(0) && !config::is_paused(1) && !config::is_paused(2) && !config::is_paused(3), 6);
        assert!(option::is_none(&config::pending_admin()), 7);
        assert!(config::protocol_address() == aptos_framework::account::create_resource_address(&@kofi, b"kofi::stake_account"), 8);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_two_step_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::transfer_admin(kofi, @0xA11CE);
        assert!(config::admin() == @kofi, 0); // nothing changes until the transfer is accepted
        assert!(config::pending_admin() == option::some(@0xA11CE), 1);
        config::accept_admin(alice);
        assert!(config::admin() == @0xA11CE, 2);
        assert!(option::is_none(&config::pending_admin()), 3);
        config::set_fee_bps(alice, 500);
        assert!(config::fee_bps() == 500, 4);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_old_admin_loses_rights(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::transfer_admin(kofi, @0xA11CE);
        config::accept_admin(alice);
        config::set_fee_bps(kofi, 500);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, bob = @0xB0B)]
    #[expected_failure(abort_code = 0x50002, location = kofi::config)]
    fun test_accept_admin_by_wrong_account(aptos_framework: &signer, kofi: &signer, bob: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::transfer_admin(kofi, @0xA11CE);
        config::accept_admin(bob);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50002, location = kofi::config)]
    fun test_accept_admin_without_transfer(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::accept_admin(alice);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_transfer_admin_not_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::transfer_admin(alice, @0xA11CE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    fun test_setters(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::set_fee_bps(kofi, 2000);
        assert!(config::fee_bps() == 2000, 0);
        config::set_treasury(kofi, @0x7EA);
        assert!(config::treasury() == @0x7EA, 1);
        config::set_min_deposit(kofi, 1000);
        assert!(config::min_deposit() == 1000, 2);
        config::set_min_withdrawal(kofi, 100000000000);
        assert!(config::min_withdrawal() == 100000000000, 3);
        config::set_paused(kofi, 3, true);
        assert!(config::is_paused(3), 4);
        config::set_paused(kofi, 3, false);
        assert!(!config::is_paused(3), 5);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x10003, location = kofi::config)]
    fun test_fee_too_high(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::set_fee_bps(kofi, 2001);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x10005, location = kofi::config)]
    fun test_invalid_action(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::set_paused(kofi, 4, true);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x10006, location = kofi::config)]
    fun test_min_deposit_below_floor(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::set_min_deposit(kofi, 999);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x10006, location = kofi::config)]
    fun test_min_withdrawal_above_ceiling(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::set_min_withdrawal(kofi, 100000000001);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_set_paused_not_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::set_paused(alice, 0, true);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_set_fee_not_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::set_fee_bps(alice, 100);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_set_treasury_not_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::set_treasury(alice, @0xA11CE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_set_min_deposit_not_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::set_min_deposit(alice, 100000);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_set_min_withdrawal_not_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup_unconfigured(aptos_framework, kofi);
        config::set_min_withdrawal(alice, 100000);
    }
}
