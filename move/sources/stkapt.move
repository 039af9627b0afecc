/// stkAPT: the vault share token (yield-bearing), a fungible asset with 8 decimals.
/// Mint and burn refs live under the metadata object and are used only inside the package.
module kofi::stkapt {
    use std::option;
    use std::string;
    use aptos_framework::fungible_asset::{Self, BurnRef, Metadata, MintRef};
    use aptos_framework::object::{Self, Object};
    use aptos_framework::primary_fungible_store;

    /// Seed of the stkAPT metadata object, created by `@kofi`.
    const STKAPT_SEED: vector<u8> = b"stkAPT";
    /// Decimals of stkAPT.
    const DECIMALS: u8 = 8;

    /// Mint and burn refs of stkAPT, stored at the metadata object.
    struct StkaptRefs has key {
        mint_ref: MintRef,
        burn_ref: BurnRef,
    }

    fun init_module(kofi: &signer) {
        let constructor_ref = object::create_named_object(kofi, STKAPT_SEED);
        primary_fungible_store::create_primary_store_enabled_fungible_asset(
            &constructor_ref,
            option::none(),
            string::utf8(b"Kofi staked APT"),
            string::utf8(b"stkAPT"),
            DECIMALS,
            string::utf8(b""),
            string::utf8(b""),
        );
        let mint_ref = fungible_asset::generate_mint_ref(&constructor_ref);
        let burn_ref = fungible_asset::generate_burn_ref(&constructor_ref);
        let metadata_signer = object::generate_signer(&constructor_ref);
        move_to(&metadata_signer, StkaptRefs { mint_ref, burn_ref });
    }

    /// Address of the stkAPT metadata object.
    public(package) fun metadata_address(): address {
        object::create_object_address(&@kofi, STKAPT_SEED)
    }

    /// The stkAPT metadata object.
    public(package) fun metadata(): Object<Metadata> {
        object::address_to_object<Metadata>(metadata_address())
    }

    /// Mints `amount` stkAPT into the primary store of `to`.
    public(package) fun mint_to(to: address, amount: u64) acquires StkaptRefs {
        if (amount == 0) return;
        let refs = borrow_global<StkaptRefs>(metadata_address());
        let fa = fungible_asset::mint(&refs.mint_ref, amount);
        primary_fungible_store::deposit(to, fa);
    }

    /// Burns `amount` stkAPT from the primary store of `owner` (the signer).
    public(package) fun burn_from_signer(owner: &signer, amount: u64) acquires StkaptRefs {
        if (amount == 0) return;
        let fa = primary_fungible_store::withdraw(owner, metadata(), amount);
        let refs = borrow_global<StkaptRefs>(metadata_address());
        fungible_asset::burn(&refs.burn_ref, fa);
    }

    /// stkAPT balance of `owner`.
    public(package) fun balance(owner: address): u64 {
        primary_fungible_store::balance(owner, metadata())
    }

    /// Total stkAPT supply.
    public(package) fun supply(): u64 {
        let s = fungible_asset::supply(metadata());
        if (option::is_some(&s)) { (option::extract(&mut s) as u64) } else { 0 }
    }

    #[test_only]
    /// Runs `init_module` in unit tests.
    public fun init_for_test(kofi: &signer) {
        init_module(kofi);
    }
}
